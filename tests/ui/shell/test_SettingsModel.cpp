// Settings: ranges are enforced, values persist in the store, the language switches at once.
#include <QTemporaryDir>
#include <QTest>

#include "common/Translations.h"
#include "shell/SettingsModel.h"

using namespace tiss::ui;

class TestSettingsModel : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString ini() const { return dir_.path() + "/settings.ini"; }

 private Q_SLOTS:
  void defaultsWorkWithNothingStored() {
    QSettings store(ini(), QSettings::IniFormat);
    SettingsModel m(&store);
    QCOMPARE(m.device(), QString("auto"));
    QVERIFY(m.threads() >= 1 && m.threads() <= SettingsModel::maxThreads());
    QVERIFY(m.dataFolder().startsWith(SettingsModel::defaultWorkspace()));
    QCOMPARE(m.language(), QString("en"));
  }

  void rangesAreEnforced() {
    QSettings store(ini(), QSettings::IniFormat);
    SettingsModel m(&store);
    QVERIFY(!m.setThreads(0));
    QVERIFY(!m.setThreads(SettingsModel::maxThreads() + 1));
    QVERIFY(m.setThreads(1));
    QVERIFY(!m.setDevice("gpu"));
    QVERIFY(!m.setDevice("cuda:x"));
    QVERIFY(m.setDevice("cuda:1"));
    QVERIFY(m.setDevice("cpu"));
    QVERIFY(!m.setLanguage("xx"));
    QCOMPARE(m.device(), QString("cpu"));
    QCOMPARE(m.threads(), 1);
  }

  void pacsServerIsValidatedAndPersists() {
    QTemporaryDir dir;
    const QString file = dir.path() + "/pacs.ini";
    {
      QSettings store(file, QSettings::IniFormat);
      SettingsModel m(&store);
      QCOMPARE(m.pacs().port, 4242);
      QCOMPARE(m.pacs().calledAe, std::string("ORTHANC"));
      tiss::DicomNode bad = m.pacs();
      bad.calledAe = "A_TITLE_OF_17_CHR";
      QVERIFY(!m.setPacs(bad));
      bad.calledAe = "BACK\\SLASH";
      QVERIFY(!m.setPacs(bad));
      bad = m.pacs();
      bad.port = 70000;
      QVERIFY(!m.setPacs(bad));
      bad = m.pacs();
      bad.tlsCertificate = "/etc/ours.crt";  // without its key
      QVERIFY(!m.setPacs(bad));
      tiss::DicomNode good = m.pacs();
      good.host = "pacs.hospital.example", good.port = 11112, good.calledAe = "PACS1", good.callingAe = "TISS_LAB";
      good.tls = true, good.tlsTrustedCertificates = "/etc/pacs-ca.pem";
      QVERIFY(m.setPacs(good));
    }
    QSettings store(file, QSettings::IniFormat);
    SettingsModel again(&store);
    QCOMPARE(again.pacs().host, std::string("pacs.hospital.example"));
    QCOMPARE(again.pacs().port, 11112);
    QCOMPARE(again.pacs().callingAe, std::string("TISS_LAB"));
    QVERIFY(again.pacs().tls);
    QCOMPARE(again.pacs().tlsTrustedCertificates, std::string("/etc/pacs-ca.pem"));
  }

  void valuesPersistAndBadStoredValuesFallBack() {
    {
      QSettings store(ini(), QSettings::IniFormat);
      SettingsModel m(&store);
      m.setDevice("cuda");
      m.setRunsFolder("/data/runs");
      QVERIFY(m.setLanguage("de"));
      QCOMPARE(currentLanguage(), QString("de"));
    }
    QSettings store(ini(), QSettings::IniFormat);
    SettingsModel again(&store);
    QCOMPARE(again.device(), QString("cuda"));
    QCOMPARE(again.runsFolder(), QString("/data/runs"));
    QCOMPARE(again.language(), QString("de"));
    store.setValue("compute/threads", 100000);
    store.setValue("compute/device", "tpu");
    SettingsModel edited(&store);
    QVERIFY(edited.threads() <= SettingsModel::maxThreads());
    QCOMPARE(edited.device(), QString("auto"));
    QVERIFY(switchLanguage("en"));
  }
};

QTEST_MAIN(TestSettingsModel)
#include "test_SettingsModel.moc"
