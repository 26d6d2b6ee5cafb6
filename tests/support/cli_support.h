#pragma once
// Drives the real `tissnet` executable (path in $TISSNET, set by ctest) from the app tests.
#include <QProcess>
#include <QString>
#include <QStringList>

namespace testsupport {

struct Run {
  int code;
  QString out, err;
};

/// Runs tissnet with `args` to its end (code -1 and "timed out" after `timeoutMs`).
inline Run tissnet(const QStringList& args, int timeoutMs = 600000) {
  QProcess p;
  p.start(qEnvironmentVariable("TISSNET"), args);
  if (!p.waitForFinished(timeoutMs)) return {-1, {}, "timed out"};
  return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

}  // namespace testsupport
