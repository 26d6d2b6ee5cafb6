// NewSweepModel: validation as typed (data set, folder, overrides, spec files), job counts of
// the presets, and creation of the sweep folder.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "sweep/NewSweepModel.h"
#include "tiss/sweep/sweep_folder.h"

using tiss::ui::NewSweepModel;

class TestNewSweepModel : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

 private slots:
  void validatesAsTyped() {
    NewSweepModel m;
    QVERIFY(!m.validate().ok());  // no data set
    QVERIFY(m.validate().error().message.find("data set") != std::string::npos);
    m.setDataDir(dir_.path() + "/missing");
    QVERIFY(m.validate().error().message.find("is not a folder") != std::string::npos);
    QDir().mkpath(dir_.path() + "/data");
    m.setDataDir(dir_.path() + "/data");
    QVERIFY(!m.validate().ok());  // no sweep folder yet
    m.setOutDir(dir_.path() + "/fig6");
    QVERIFY2(m.validate().ok(), m.validate().ok() ? "" : m.validate().error().describe().c_str());
    QCOMPARE(m.jobCount(), 14);  // S_p + 13 points
    QCOMPARE(m.sharedCount(), 1);
    m.setOverridesText("optim.epochs_constant=1\n\nloss.lambda_q=2\n");
    QVERIFY(!m.validate().ok());
    QVERIFY(m.validate().error().message.find("lambda_q") != std::string::npos);
    m.setOverridesText("optim.epochs_constant=1");
    QVERIFY(m.validate().ok());
    m.setPreset("table2");
    QCOMPARE(m.jobCount(), 17);
    QVERIFY(!NewSweepModel::describe("table2").isEmpty());
  }

  void specFilesAndCreation() {
    QDir().mkpath(dir_.path() + "/data2");
    NewSweepModel m;
    m.setPreset("file");
    m.setDataDir(dir_.path() + "/data2");
    m.setOutDir(dir_.path() + "/mine");
    m.setSpecFile(dir_.path() + "/nope.json");
    QVERIFY(!m.validate().ok());
    QFile spec(dir_.path() + "/spec.json");
    QVERIFY(spec.open(QIODevice::WriteOnly));
    spec.write("{\"axes\": [{\"key\": \"optim.lr\", \"log\": {\"from\": 0.0001, \"to\": 0.01, \"steps\": 3}}], \"seeds\": [1, 2]}");
    spec.close();
    m.setSpecFile(spec.fileName());
    QVERIFY(m.validate().ok());
    QCOMPARE(m.jobCount(), 6);
    m.setDevices("cuda:0, gpu");
    QVERIFY(!m.validate().ok());
    QVERIFY(m.validate().error().message.find("'gpu' is no device") != std::string::npos);
    m.setDevices("cuda:0, cuda:1");
    m.setMaxParallel(3);
    m.setThreadsPerJob(2);
    auto dir = m.create();
    QVERIFY(dir.ok());
    auto f = tiss::SweepFolder::open(dir->toStdString());
    QVERIFY(f.ok());
    QCOMPARE(f->spec.maxParallel, 3);
    QCOMPARE(f->spec.threadsPerTrial, 2);
    QCOMPARE(f->spec.devices, (std::vector<std::string>{"cuda:0", "cuda:1"}));
    QCOMPARE(f->jobs.size(), size_t(6));
    QCOMPARE(QString::fromStdString(f->spec.data), QDir(dir_.path() + "/data2").absolutePath());
  }
};

QTEST_MAIN(TestNewSweepModel)
#include "test_NewSweepModel.moc"
