#pragma once
/// The interface languages compiled into the program and switching between them at run time.
#include <QString>
#include <QStringList>

class QTranslator;

namespace tiss::ui {

/// Language codes available: "en" (built in) plus every compiled translation ("de", "zh_CN").
QStringList availableLanguages();

/// Installs the translation for `code` on the application, replacing the previous one; "en"
/// removes it. Returns false (and keeps the current language) for an unknown code.
/// Widgets retranslate on the QEvent::LanguageChange that Qt then sends.
bool switchLanguage(const QString& code);

/// The language currently installed.
QString currentLanguage();

}  // namespace tiss::ui
