#pragma once
/// The run folder, the truth about a run (docs/engine.md):
///   config.json     the fully resolved configuration
///   run.json        versions, device, data set, split, command line, start time
///   events.jsonl    append-only event log, one JSON object per line (docs/events.md)
///   status.json     {"state": "running|finished|failed|stopped", "step": N, "message": "..."}
///   checkpoints/    last.pt and best.pt, written atomically (temporary file, flush, rename)
///   previews/       validation preview slices (PNG)
///   train.log       the trainer's output when the workbench started it
/// Anything shown about a run can be rebuilt from this folder alone.
#include <memory>
#include <string>
#include <vector>

#include "tiss/config/config.h"
#include "tiss/data/dataset.h"
#include "tiss/util/process.h"
#include "tiss/util/result.h"

namespace tiss {

struct RunFolder {
  std::string root;

  std::string configFile() const { return root + "/config.json"; }
  std::string infoFile() const { return root + "/run.json"; }
  std::string eventsFile() const { return root + "/events.jsonl"; }
  std::string statusFile() const { return root + "/status.json"; }
  std::string lastCheckpoint() const { return root + "/checkpoints/last.pt"; }
  std::string bestCheckpoint() const { return root + "/checkpoints/best.pt"; }
  std::string previewDir() const { return root + "/previews"; }
  std::string logFile() const { return root + "/train.log"; }

  /// Creates the folder for a new run; refuses a folder that already holds a run unless
  /// `resume` (then the folder must hold one).
  static Result<RunFolder> open(const std::string& dir, bool resume);
  /// An existing run, for inference or monitoring.
  static Result<RunFolder> existing(const std::string& dir);
};

/// What a folder holds, answered in one place for every reader: nothing of a run; an event log
/// only (a run whose config was lost: the dashboard still plots it); a run (config.json); a run
/// with a checkpoint (checkpoints/best.pt or last.pt), which inference can use.
enum class RunPresence { None, EventsOnly, Configured, Trained };
RunPresence runPresence(const std::string& dir);
/// A run: config.json is there (Configured or Trained).
inline bool isRunFolder(const std::string& dir) { return runPresence(dir) >= RunPresence::Configured; }

/// One trainer per run folder: an exclusive FileLock on RUN/trainer.lock, held for the
/// trainer's life. Fails naming the holder's pid and host.
Result<std::unique_ptr<FileLock>> acquireRunLock(const RunFolder& run);

/// Records this process as the run's live writer in run.json (pid, host, restarted time), on
/// every start and resume, so monitors never take a resumed run for a crashed one.
Status recordWriter(const RunFolder& run);

/// The run's config.json, parsed and validated like a new config (keys added since it was
/// written take their defaults); fails naming the file.
Result<TrainConfig> readRunConfig(const RunFolder& run);

struct RunStatus {
  std::string state;  ///< running, finished, failed or stopped
  long step = 0;
  std::string message;
};

Status writeStatus(const RunFolder& run, const RunStatus& status);
Result<RunStatus> readStatus(const RunFolder& run);

/// The split a run owns: the case ids of run.json, recorded when the run was created. A run
/// trains, validates, resumes and infers on these, whatever the data set's split.json says now.
struct RunSplit {
  std::vector<std::string> train, val, test;
  const std::vector<std::string>& part(SplitPart p) const { return p == SplitPart::Train ? train : p == SplitPart::Val ? val : test; }
};
/// Fails naming run.json when it is missing, unreadable or has no ids.
Result<RunSplit> readRunSplit(const RunFolder& run);
/// The split of a data set as a run would record it.
RunSplit runSplitOf(const Split& split);
/// "case X: test in the run, train in the data set" for every run case whose part differs in
/// `current` (or that it lacks), sorted by id; empty when nothing moved.
std::vector<std::string> movedCases(const RunSplit& run, const Split& current);
/// The warning shown for moved cases (names at most 20 of them).
std::string splitWarning(const std::vector<std::string>& moved);

/// Appends one line (a JSON object without newline) to events.jsonl and flushes it.
Status appendEvent(const RunFolder& run, const std::string& jsonLine);

/// On resume from the checkpoint of `step`: rewrites events.jsonl atomically without the
/// events of later steps (the work a killed trainer did after its checkpoint, about to be
/// redone) and without damaged lines, so every step is logged exactly once. Events without a
/// step (e.g. "prepare") are kept. Readers that follow the log see a new file (docs/events.md).
Status rewindEvents(const RunFolder& run, int64_t step);

}  // namespace tiss
