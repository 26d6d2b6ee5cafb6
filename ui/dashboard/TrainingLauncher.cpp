#include "dashboard/TrainingLauncher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <csignal>

namespace tiss::ui {

QStringList trainArguments(const Launch& l) {
  QStringList args{"train", "--run", l.runDir, "--data", l.dataDir, "--device", l.device};
  if (l.threads > 0) args << "--threads" << QString::number(l.threads);
  if (l.resume) return args << "--resume";
  if (!l.configFile.isEmpty()) args << "--config" << l.configFile;
  for (const QString& o : l.overrides) args << "--set" << o;
  return args;
}

Result<qint64> startTraining(const Launch& l) {
  if (!QFileInfo(l.tissnet).isExecutable()) return makeError(l.tissnet.toStdString(), "is not the tissnet program (not found or not executable)");
  if (!QDir().mkpath(l.runDir)) return makeError(l.runDir.toStdString(), "cannot create the run folder");
  QProcess p;
  p.setProgram(l.tissnet);
  p.setArguments(trainArguments(l));
  // Appended, so a resumed run keeps the log of its earlier part.
  p.setStandardOutputFile(QDir(l.runDir).filePath("train.log"), QIODevice::Append);
  p.setStandardErrorFile(QDir(l.runDir).filePath("train.log"), QIODevice::Append);
  p.setStandardInputFile(QProcess::nullDevice());
  qint64 pid = 0;
  if (!p.startDetached(&pid)) return makeError(l.tissnet.toStdString(), "could not be started: " + p.errorString().toStdString());
  return pid;
}

bool stopTraining(qint64 pid) { return pid > 0 && ::kill(pid_t(pid), SIGTERM) == 0; }

QString defaultTissnet() {
  const QString env = qEnvironmentVariable("TISSNET");
  if (!env.isEmpty()) return env;
  return QDir(QCoreApplication::applicationDirPath()).filePath("tissnet");
}

QStringList lastLogLines(const QString& runDir, int count) {
  QFile f(QDir(runDir).filePath("train.log"));
  if (!f.open(QIODevice::ReadOnly)) return {};
  // The tail is enough: a long run's log can be large.
  if (f.size() > 65536) f.seek(f.size() - 65536);
  QStringList lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
  return lines.mid(std::max(0, int(lines.size()) - count));
}

}  // namespace tiss::ui
