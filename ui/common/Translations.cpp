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
    if (const QString code = f.mid(8, f.size() - 8 - 3); code != "en") codes << code;
  return codes;
}

bool switchLanguage(const QString& code) {
  // English is the source language; its file only adds plural forms.
  auto* next = new QTranslator(QCoreApplication::instance());
  if (!next->load(":/i18n/tissnet_" + code + ".qm") && code != "en") {
    delete next;
    return false;
  }
  if (installed()) {
    QCoreApplication::removeTranslator(installed());
    delete installed();
    installed() = nullptr;
  }
  if (!next->isEmpty()) {
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
