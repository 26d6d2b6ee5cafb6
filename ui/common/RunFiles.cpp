#include "common/RunFiles.h"

#include <QCoreApplication>
#include <QDir>

namespace tiss::ui {

QString defaultTissnet() {
  const QString env = qEnvironmentVariable("TISSNET");
  if (!env.isEmpty()) return env;
  return QDir(QCoreApplication::applicationDirPath()).filePath("tissnet");
}

}  // namespace tiss::ui
