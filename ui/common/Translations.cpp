#include "common/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QTranslator>

namespace tiss::ui {
namespace {

QTranslator*& installed() {
  static QTranslator* t = nullptr;
  return t;
}
QString& current() {
  static QString code = "en";
  return code;
}

}  // namespace

QStringList availableLanguages() {
  QStringList codes{"en"};
  for (const QString& f : QDir(":/i18n").entryList({"tissnet_*.qm"}, QDir::Files, QDir::Name))
    codes << f.mid(8, f.size() - 8 - 3);
  return codes;
}

bool switchLanguage(const QString& code) {
  auto* next = new QTranslator(QCoreApplication::instance());
  if (code != "en" && !next->load(":/i18n/tissnet_" + code + ".qm")) {
    delete next;
    return false;
  }
  if (installed()) {
    QCoreApplication::removeTranslator(installed());
    delete installed();
    installed() = nullptr;
  }
  if (code != "en") {
    QCoreApplication::installTranslator(next);
    installed() = next;
  } else {
    delete next;
  }
  current() = code;
  return true;
}

QString currentLanguage() { return current(); }

}  // namespace tiss::ui
