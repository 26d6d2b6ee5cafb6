#include "training/TrainingLauncher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <csignal>

#include "common/RunFiles.h"
#include "tiss/engine/command_line.h"

namespace tiss::ui {

QStringList trainArguments(const Launch& l) {
  TrainRequest r;
  r.runDir = l.runDir.toStdString();
  r.dataDir = l.dataDir.toStdString();
  r.device = l.device.toStdString();
  r.threads = l.threads;
  r.nproc = l.nproc;
  r.resume = l.resume;
  r.configFile = l.configFile.toStdString();
  for (const QString& o : l.overrides) r.overrides.push_back(o.toStdString());
  return qstrings(tiss::trainArguments(r));
}

Result<qint64> startTraining(const Launch& l) {
  if (!QFileInfo(l.tissnet).isExecutable()) return makeError(l.tissnet.toStdString(), "is not the tissnet program (not found or not executable)");
  if (!QDir().mkpath(l.runDir)) return makeError(l.runDir.toStdString(), "cannot create the run folder");
  QProcess p;
  p.setProgram(l.tissnet);
  p.setArguments(trainArguments(l));
  // Appended, so a resumed run keeps the log of its earlier part.
  p.setStandardOutputFile(runFile(l.runDir, &RunFolder::logFile), QIODevice::Append);
  p.setStandardErrorFile(runFile(l.runDir, &RunFolder::logFile), QIODevice::Append);
  p.setStandardInputFile(QProcess::nullDevice());
  qint64 pid = 0;
  if (!p.startDetached(&pid)) return makeError(l.tissnet.toStdString(), "could not be started: " + p.errorString().toStdString());
  return pid;
}

bool stopTraining(qint64 pid) { return pid > 0 && ::kill(pid_t(pid), SIGTERM) == 0; }

QStringList lastLogLines(const QString& runDir, int count) {
  QFile f(runFile(runDir, &RunFolder::logFile));
  if (!f.open(QIODevice::ReadOnly)) return {};
  // The tail is enough: a long run's log can be large.
  if (f.size() > 65536) f.seek(f.size() - 65536);
  QStringList lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
  return lines.mid(std::max(0, int(lines.size()) - count));
}

}  // namespace tiss::ui
