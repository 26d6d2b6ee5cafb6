// The training form: presets fill every field, values are validated by the engine's rules as
// they are typed, stage tissnet asks for an S_p run, a run's config can be copied.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "training/TrainingFormModel.h"
#include "test_support.h"
#include "tiss/config/config.h"

using namespace tiss;
using namespace tiss::ui;

class TestTrainingFormModel : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString data_;

 private Q_SLOTS:
  void initTestCase() {
    data_ = dir_.path() + "/data";
    testsupport::writePhantom(data_, PhantomLayout::Brats, 4, 3);
  }

  void presetsFillEveryField() {
    TrainingFormModel m;
    m.setPreset("paper");
    QVERIFY(m.keys().contains("loss.lambda_p"));
    QVERIFY(m.keys().contains("loss.syn_t"));
    QVERIFY(m.keys().contains("optim.epochs_decay"));
    QCOMPARE(m.text("loss.lambda_p"), QString("25"));
    QCOMPARE(m.text("data.patch"), QString("16x128x128"));
    m.setPreset("cpu-small");
    QCOMPARE(m.text("data.patch"), QString("16x64x64"));
    QCOMPARE(TrainingFormModel::choices("stage").size(), 7);
    // From the engine's key table: every enumerated key has its choices (net.conv too).
    QCOMPARE(TrainingFormModel::choices("net.conv"), (QStringList{"auto", "native", "sliced", "onednn"}));
    QCOMPARE(TrainingFormModel::choices("loss.coarse_gradient"), (QStringList{"detached", "full"}));
    QVERIFY(TrainingFormModel::choicesAreOpen("inference.window") && !TrainingFormModel::choicesAreOpen("stage"));
    QVERIFY(TrainingFormModel::help("loss.lambda_p").contains("weight"));
  }

  void valuesAreValidatedAsTyped() {
    TrainingFormModel m;
    m.setPreset("cpu-small");
    m.setDataDir(data_);
    m.setRunName("a");
    m.setText("stage", "sp");
    QVERIFY2(m.valid(), qPrintable(m.error()));
    m.setText("optim.lr", "-1");
    QVERIFY(!m.valid());
    QVERIFY2(m.error().contains("lr"), qPrintable(m.error()));
    m.setText("optim.lr", "0.001");
    QVERIFY(m.valid());
    m.setText("data.patch", "16x64");
    QVERIFY(!m.valid());
    m.setText("data.patch", "16x64x64");
    m.setText("loss.seg_input", "nonsense");
    QVERIFY(!m.valid());
    m.setText("loss.seg_input", "xt'+yc");
    m.setRunName("");
    QVERIFY(!m.valid());
    m.setRunName("b");
    m.setDataDir(dir_.path() + "/nowhere");
    QVERIFY(m.error().contains("data set"));
  }

  void tissnetNeedsAnSpRun() {
    TrainingFormModel m;
    m.setPreset("cpu-small");
    m.setDataDir(data_);
    m.setRunName("t");
    m.setText("stage", "tissnet");
    QVERIFY(m.error().contains("S_p"));
    const QString sp = dir_.path() + "/sp";
    QVERIFY(QDir().mkpath(sp));
    QFile config(sp + "/config.json");
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("{}");
    config.close();
    m.setText("runs.sp", sp);
    QVERIFY2(m.valid(), qPrintable(m.error()));
    const Launch l = m.launch(dir_.path() + "/runs", "/usr/bin/tissnet");
    QCOMPARE(l.runDir, dir_.path() + "/runs/t");
    QVERIFY(l.overrides.contains("stage=tissnet"));
    QVERIFY(l.overrides.contains("runs.sp=" + sp));
    QCOMPARE(l.overrides.first(), QString("preset=cpu-small"));
    QVERIFY(!trainArguments(l).contains("--nproc"));
    m.nproc = 2;  // data-parallel: the launcher starts two ranks
    const QStringList args = trainArguments(m.launch(dir_.path() + "/runs", "/usr/bin/tissnet"));
    QCOMPARE(args.at(args.indexOf("--nproc") + 1), QString("2"));
  }

  void copiesAnExistingRunsConfig() {
    const QString run = dir_.path() + "/old";
    QVERIFY(QDir().mkpath(run));
    auto c = loadConfig("", {"loss.lambda_c=3", "stage=seg-source"}, "cpu-small");
    QVERIFY(c.ok());
    QFile f(run + "/config.json");
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray::fromStdString(toJson(*c)));
    f.close();
    TrainingFormModel m;
    m.setPreset("paper");
    QVERIFY(m.copyFromRun(run).ok());
    QCOMPARE(m.preset(), QString("cpu-small"));
    QCOMPARE(m.text("loss.lambda_c"), QString("3"));
    QCOMPARE(m.text("stage"), QString("seg-source"));
    QVERIFY(!m.copyFromRun(dir_.path()).ok());
  }
};

QTEST_MAIN(TestTrainingFormModel)
#include "test_TrainingFormModel.moc"
