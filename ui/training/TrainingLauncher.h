#pragma once
/// Starts `tissnet train` as a detached child process writing its output to RUN/train.log, so a
/// run survives closing the workbench (the dashboard re-attaches to the folder), and stops it
/// the way the trainer expects: SIGTERM, after which it saves a last checkpoint and exits.
#include <QString>
#include <QStringList>

#include "common/RunFiles.h"
#include "tiss/util/result.h"

namespace tiss::ui {

struct Launch {
  QString tissnet;     ///< path of the tissnet executable
  QString runDir;
  QString dataDir;
  QString configFile;  ///< a config JSON (empty: preset and overrides only)
  QStringList overrides;  ///< key=value
  QString device = "auto";
  int threads = 0;
  int nproc = 1;       ///< data-parallel ranks (tissnet train --nproc)
  bool resume = false;
};

/// The command line for `launch`.
QStringList trainArguments(const Launch& launch);
/// Starts it; returns the process id. The error names the run folder or the executable.
Result<qint64> startTraining(const Launch& launch);
/// Asks the trainer with process id `pid` to checkpoint and stop (SIGTERM).
bool stopTraining(qint64 pid);
/// The last `count` lines of RUN/train.log (the trainer's output, errors included).
QStringList lastLogLines(const QString& runDir, int count = 20);

}  // namespace tiss::ui
