// "Run model…" without a window: a real tiny run (trained here by tissnet) applied to a phantom
// case whose FLAIR and label were deleted, through the case page's model: the run is listed,
// progress arrives, a cancel mid-way keeps nothing, the outputs become a result source, and the
// layouts say what a case without its target and label cannot show.
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "cli_support.h"
#include "dataset/OpenCaseModel.h"
#include "viewer/ApplyModelModel.h"
#include "viewer/CaseViewerModel.h"

using namespace tiss;
using namespace tiss::ui;

class TestApplyModelModel : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString clinic_, run_, results_;
  const QString id_ = "BraTS20_Phantom_002";

  QStringList leftovers() const { return QDir(results_).entryList({".apply-*"}, QDir::Dirs | QDir::Hidden); }

 private Q_SLOTS:
  void initTestCase() {
    const QString data = dir_.path() + "/data";
    // 48x128x128 voxels and one patch-sized window a pass (not the default slab): a few hundred
    // passes, time to cancel mid-way.
    auto r = testsupport::tissnet({"phantom", "--cases", "4", "--size", "48x128x128", "--seed", "4", "--out", data});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    run_ = dir_.path() + "/ws/runs/tiny";
    r = testsupport::tissnet({"train", "--data", data, "--run", run_, "--preset", "cpu-small", "--set", "stage=synthesis",
                              "--set", "loss.lambda_p=0", "--set", "net.channels=[4,8,8,16,16]", "--set", "net.disc_channels=4",
                              "--set", "data.patch=16x32x32", "--set", "optim.iterations_per_epoch=2", "--set",
                              "optim.epochs_constant=1", "--set", "optim.epochs_decay=0", "--set", "validation.every=0",
                              "--set", "checkpoint.every=2", "--set", "inference.batch=1", "--set", "inference.window=patch", "--threads", "2"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    // The clinic's copy: case 2 without its FLAIR (the target) and without a label.
    clinic_ = dir_.path() + "/clinic";
    for (const QString& c : QDir(data).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
      QVERIFY(QDir().mkpath(clinic_ + "/" + c));
      for (const QString& f : QDir(data + "/" + c).entryList(QDir::Files))
        if (c != id_ || !(f.endsWith("_flair.nii.gz") || f.endsWith("_seg.nii.gz")))
          QVERIFY(QFile::copy(data + "/" + c + "/" + f, clinic_ + "/" + c + "/" + f));
    }
    results_ = dir_.path() + "/ws/results";
  }

  void listsFinishedRuns() {
    ApplyModelModel model;
    model.scan({dir_.path() + "/ws/runs", dir_.path() + "/nowhere"});
    QCOMPARE(model.runs().size(), 1);
    QCOMPARE(model.runs()[0].name, QString("tiny"));
    QCOMPARE(model.runs()[0].stage, QString("synthesis"));
    QCOMPARE(model.runs()[0].target, QString("flair"));
  }

  void cancelMidwayKeepsNothing() {
    ApplyModelModel model;
    QSignalSpy progress(&model, &ApplyModelModel::progressChanged), cancelled(&model, &ApplyModelModel::cancelled),
        finished(&model, &ApplyModelModel::finished);
    QVERIFY(model.start(clinic_, id_, run_, results_).ok());
    QVERIFY(model.running());
    QTRY_VERIFY_WITH_TIMEOUT(model.fraction() > 0, 120000);
    QVERIFY(model.fraction() < 1);
    model.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(cancelled.size(), 1, 60000);
    QCOMPARE(finished.size(), 0);
    QVERIFY(!model.running());
    QVERIFY(!QFileInfo::exists(results_ + "/tiny/" + id_));  // nothing half-written shown
    QVERIFY2(leftovers().isEmpty(), qPrintable(leftovers().join(' ')));
  }

  void appliedOutputsBecomeASource() {
    ApplyModelModel model;
    QSignalSpy finished(&model, &ApplyModelModel::finished), failed(&model, &ApplyModelModel::failed);
    QList<double> seen;
    connect(&model, &ApplyModelModel::progressChanged, this, [&seen](double f) { seen << f; });
    QVERIFY(model.start(clinic_, id_, run_, results_).ok());
    QVERIFY(!model.start(clinic_, id_, run_, results_).ok());  // one at a time
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() + failed.size() > 0, 300000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QVERIFY2(seen.size() > 10 && std::is_sorted(seen.begin(), seen.end()) && seen.last() == 1.0, "progress rises to 1");
    const QString folder = finished.first().first().toString();
    QCOMPARE(folder, results_ + "/tiny");
    QVERIFY(QFileInfo::exists(folder + "/" + id_ + "/" + id_ + "_synth.nii.gz"));
    QVERIFY(leftovers().isEmpty());

    auto data = openDataset(clinic_.toStdString());
    QVERIFY(data.ok());
    CaseViewerModel viewer(std::make_shared<const Dataset>(*data), id_);
    QVERIFY(viewer.addResultFolder(folder));
    QSignalSpy loaded(&viewer, &CaseViewerModel::loaded);
    viewer.load();
    QVERIFY(loaded.wait(60000));
    const QStringList keys = viewer.images()->keys();
    QVERIFY2(keys.contains("tiny/synth") && !keys.contains("flair") && !keys.contains("seg"), qPrintable(keys.join(' ')));
    // The layouts show what exists and the page says why the rest is missing.
    const QString notices = viewer.notices().join(' ');
    QVERIFY2(notices.contains("No real flair") && notices.contains("without a difference map") && notices.contains("without Dice"),
             qPrintable(notices));
    for (const char* preset : {"synthesis", "masks"}) {
      viewer.setPreset(preset);
      for (const auto& p : viewer.layout().panels) {
        QVERIFY2(p.minus.isEmpty(), preset);        // no difference map without a real target
        QVERIFY2(p.diceAgainst.isEmpty(), preset);  // no Dice without ground truth
        QVERIFY2(p.base != "flair" && p.base != "seg", preset);
      }
    }
  }

  // A case opened on its own (File > Open Case): its folder's files, no data set around it.
  void standaloneCaseGetsTheModelToo() {
    const QString small = dir_.path() + "/small";
    auto r = testsupport::tissnet({"phantom", "--cases", "1", "--size", "24x48x48", "--seed", "9", "--out", small});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QString caseDir = small + "/" + QDir(small).entryList(QDir::Dirs | QDir::NoDotAndDotDot).first();
    for (const QString& f : QDir(caseDir).entryList({"*_flair.nii.gz", "*_seg.nii.gz"})) QVERIFY(QFile::remove(caseDir + "/" + f));
    OpenCaseModel form;
    QCOMPARE(form.setPaths({caseDir}), QString());
    QString error;
    const QString folder = form.save(dir_.path() + "/ws/cases", &error);
    QVERIFY2(!folder.isEmpty(), qPrintable(error));
    ApplyModelModel model;
    QSignalSpy finished(&model, &ApplyModelModel::finished), failed(&model, &ApplyModelModel::failed);
    QVERIFY(model.start(folder, form.caseId(), run_, results_).ok());
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() + failed.size() > 0, 120000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    auto data = openDataset(folder.toStdString());
    QVERIFY(data.ok());
    CaseViewerModel viewer(std::make_shared<const Dataset>(*data), form.caseId());
    QVERIFY(viewer.addResultFolder(results_ + "/tiny"));
    QSignalSpy loaded(&viewer, &CaseViewerModel::loaded);
    viewer.load();
    QVERIFY(loaded.wait(60000));
    const QStringList keys = viewer.images()->keys();
    QVERIFY2(keys.contains("t1") && keys.contains("tiny/synth") && !keys.contains("flair") && !keys.contains("seg"), qPrintable(keys.join(' ')));
    QCOMPARE(viewer.layout().panels.back().base, QString("tiny/synth"));  // in the missing FLAIR's place
  }

  // A tissnet that cannot start ends the job as failed, with the reason, and frees the slot.
  void aProgramThatCannotStartEndsTheJob() {
    ApplyModelModel model;
    model.setTissnet(dir_.path() + "/no-such-tissnet");
    QSignalSpy failed(&model, &ApplyModelModel::failed);
    QVERIFY(model.start(clinic_, id_, run_, results_).ok());
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QVERIFY(!model.running());
    QVERIFY2(failed.first().first().toString().contains("could not be started"), qPrintable(failed.first().first().toString()));
    QVERIFY(model.start(clinic_, id_, run_, results_).ok());
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 10000);
    QVERIFY(leftovers().isEmpty());
  }

  // Odd case ids are refused before anything runs; two runs named alike keep apart results.
  void oddIdsAndRunsNamedAlike() {
    ApplyModelModel model;
    model.setTissnet(dir_.path() + "/no-such-tissnet");
    for (const char* id : {"..", "../../x", "", "a/b"}) QVERIFY2(!model.start(clinic_, id, run_, results_).ok(), id);
    QVERIFY(!model.running());
    const QString other = dir_.path() + "/elsewhere/tiny";
    QVERIFY(QDir().mkpath(other + "/checkpoints"));
    QVERIFY(QFile::copy(run_ + "/config.json", other + "/config.json"));
    QVERIFY(QFile::copy(run_ + "/checkpoints/last.pt", other + "/checkpoints/last.pt"));
    QSignalSpy failed(&model, &ApplyModelModel::failed);
    QVERIFY(model.start(clinic_, id_, run_, results_).ok());
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QVERIFY(model.start(clinic_, id_, other, results_).ok());
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 10000);
    auto runOf = [](const QString& folder) {
      QFile f(folder + "/source-run.json");
      return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object()["run"].toString() : QString();
    };
    QCOMPARE(runOf(results_ + "/tiny"), QFileInfo(run_).absoluteFilePath());
    QCOMPARE(runOf(results_ + "/tiny-2"), QFileInfo(other).absoluteFilePath());
  }
};

QTEST_GUILESS_MAIN(TestApplyModelModel)
#include "test_ApplyModelModel.moc"
