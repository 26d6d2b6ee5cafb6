#include "common/ErrorText.h"

#include <QCoreApplication>

namespace tiss::ui {

QString errorText(const Error& error, const QString& whatFailed) {
  const QString reason = QString::fromStdString(error.message);
  if (error.file.empty())
    return QCoreApplication::translate("ErrorText", "%1 failed: %2.").arg(whatFailed, reason);
  return QCoreApplication::translate("ErrorText",
                                     "%1 failed.\nFile: %2\nReason: %3.\n"
                                     "Fix or replace the file and try again; nothing else was changed.")
      .arg(whatFailed, QString::fromStdString(error.file), reason);
}

}  // namespace tiss::ui
