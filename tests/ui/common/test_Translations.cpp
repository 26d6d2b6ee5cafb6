#include <QCoreApplication>
#include <QTest>

#include "common/ErrorText.h"
#include "common/Translations.h"

using namespace tiss::ui;

class TestTranslations : public QObject {
  Q_OBJECT
 private slots:
  void compiledLanguagesAreListed() {
    const QStringList codes = availableLanguages();
    QVERIFY(codes.contains("en"));
    QVERIFY(codes.contains("de"));
    QVERIFY(codes.contains("zh_CN"));
  }
  void switchingChangesTheWords() {
    const tiss::Error e{"file not found", "/data/case1/t1.nii.gz"};
    QVERIFY(switchLanguage("en"));
    const QString english = errorText(e, "Opening the data set");
    QVERIFY(english.contains("/data/case1/t1.nii.gz"));
    QVERIFY(english.contains("Reason: file not found"));
    QVERIFY(switchLanguage("de"));
    QCOMPARE(currentLanguage(), QString("de"));
    const QString german = errorText(e, "Opening the data set");
    QVERIFY(german != english);
    QVERIFY(german.contains("/data/case1/t1.nii.gz"));
    QVERIFY(switchLanguage("zh_CN"));
    QVERIFY(errorText(e, "x") != german);
    QVERIFY(!switchLanguage("xx"));
    QCOMPARE(currentLanguage(), QString("zh_CN"));
    QVERIFY(switchLanguage("en"));
    QCOMPARE(errorText(e, "Opening the data set"), english);
  }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_Translations.moc"
