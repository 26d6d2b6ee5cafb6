// The case page's model: presets built from the keys of a case and its tissnet infer outputs,
// result folders checked, state kept as JSON; the page shows the mask layout with Dice.
#include <QCheckBox>
#include <QDir>
#include <QSpinBox>
#include <QTableWidget>
#include <QJsonDocument>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "layout/ComparisonView.h"
#include "test_support.h"
#include "tiss/io/image_io.h"
#include "viewer/CaseViewerModel.h"
#include "viewer/CaseViewerPage.h"
#include "viewer/OverlayPanel.h"
#include "viewer/PaperFigureModel.h"

using namespace tiss;
using namespace tiss::ui;

class TestCaseViewerModel : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::shared_ptr<const Dataset> dataset_;
  QString results_;
  const QString id_ = "BraTS20_Phantom_001";

  // A fake `tissnet infer` output for case 1: the label as y_c and y_f, a target copy as x_t'.
  void writeResults() {
    results_ = dir_.path() + "/tissnet-test";
    QVERIFY(QDir().mkpath(results_ + "/" + id_));
    const CaseFiles* c = dataset_->find(id_.toStdString());
    auto seg = readVolume(c->paths.at("seg"));
    auto flair = readVolume(c->paths.at("flair"));
    QVERIFY(seg.ok() && flair.ok());
    for (const char* name : {"yc", "yf", "seg"}) QVERIFY(writeVolume(tumorMaskOf(*seg), path(name)).ok());
    QVERIFY(writeVolume(*flair, path("synth")).ok());
    QVERIFY(writeVolume(*flair, path("target_norm")).ok());
  }
  std::string path(const char* name) const { return (results_ + "/" + id_ + "/" + id_ + "_" + name + ".nii.gz").toStdString(); }
  static Volume tumorMaskOf(Volume v) {
    for (float& x : v.voxels) x = x > 0 ? 1.f : 0.f;
    v.pixelType = PixelType::Float32;
    return v;
  }

 private Q_SLOTS:
  void initTestCase() {
    testsupport::writePhantom(dir_.path() + "/data", PhantomLayout::Brats, 2, 13);
    auto d = openDataset((dir_.path() + "/data").toStdString());
    QVERIFY(d.ok());
    dataset_ = std::make_shared<const Dataset>(*d);
    writeResults();
  }

  void presetsUseTheRunsOutputs() {
    CaseViewerModel m(dataset_, id_);
    QVERIFY(!m.addResultFolder(dir_.path()));  // nothing for this case there
    QVERIFY(m.addResultFolder(results_));
    QSignalSpy loaded(&m, &CaseViewerModel::loaded);
    m.load();
    QVERIFY(loaded.wait(30000));
    QVERIFY(m.images()->keys().contains("tissnet-test/yf"));
    m.setPreset("masks");
    const auto& masks = m.layout();
    QCOMPARE(masks.panels.size(), size_t(3));
    QCOMPARE(masks.panels[0].base, QString("tissnet-test/target_norm"));
    QCOMPARE(masks.panels[2].overlays[0].key, QString("tissnet-test/yf"));
    QCOMPARE(masks.panels[2].diceAgainst, QString("seg"));
    m.setPreset("synthesis");
    QCOMPARE(m.layout().panels[1].base, QString("tissnet-test/synth"));
    QCOMPARE(m.layout().panels[2].minus, QString("tissnet-test/synth"));
    m.setPreset("modalities");
    QCOMPARE(m.layout().panels.size(), size_t(4));  // t1, t1ce, t2, flair
    QCOMPARE(m.layout().panels[3].overlays[0].key, QString("seg"));
  }

  // A TISS-Net result whose y_c also carried S's gradient is labelled so; a detached one is not;
  // results without the key in inference.json fall back to the run's config.json.
  void coarseOutputTrainedByTheSegmentorIsSaidSo() {
    auto write = [](const QString& file, const QByteArray& text) {
      QFile f(file);
      return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
    };
    QVERIFY(write(results_ + "/inference.json", R"({"stage": "tissnet", "coarse_gradient": "full"})"));
    auto noticesNow = [&] {
      CaseViewerModel m(dataset_, id_);
      m.addResultFolder(results_);
      QSignalSpy loaded(&m, &CaseViewerModel::loaded);
      m.load();
      return loaded.wait(30000) ? m.notices().join('\n') : QString("not loaded");
    };
    QVERIFY2(noticesNow().contains("tissnet-test: y_c was trained by its Dice loss and by S's losses"), qPrintable(noticesNow()));
    QVERIFY(write(results_ + "/inference.json", R"({"stage": "tissnet", "coarse_gradient": "detached"})"));
    QVERIFY(!noticesNow().contains("y_c was trained"));
    const QString run = dir_.path() + "/old-run";
    QVERIFY(QDir().mkpath(run));
    QVERIFY(write(run + "/config.json", R"({"stage": "tissnet", "loss": {"lambda_c": 1}})"));
    QVERIFY(write(results_ + "/inference.json", QString(R"({"stage": "tissnet", "run": "%1"})").arg(run).toUtf8()));
    QCOMPARE(CaseViewerModel::coarseGradientOf(results_), QString("full"));  // the key's default
    QVERIFY(noticesNow().contains("loss.coarse_gradient = full"));
    QVERIFY(QFile::remove(results_ + "/inference.json"));
    QVERIFY(CaseViewerModel::coarseGradientOf(results_).isEmpty());
  }

  void maskLayoutOfAUNetRunShowsItsSegmentation() {
    // A U-Net run's output: "seg" alone, no y_c or y_f.
    const QString unet = dir_.path() + "/unet";
    QVERIFY(QDir().mkpath(unet + "/" + id_));
    auto seg = readVolume(dataset_->find(id_.toStdString())->paths.at("seg"));
    QVERIFY(seg.ok());
    QVERIFY(writeVolume(tumorMaskOf(*seg), (unet + "/" + id_ + "/" + id_ + "_seg.nii.gz").toStdString()).ok());
    CaseViewerModel m(dataset_, id_);
    QVERIFY(m.addResultFolder(unet));
    QSignalSpy loaded(&m, &CaseViewerModel::loaded);
    m.load();
    QVERIFY(loaded.wait(30000));
    m.setPreset("masks");
    const auto& l = m.layout();
    QCOMPARE(l.panels.size(), size_t(2));  // ground truth | the run's segmentation
    QCOMPARE(l.panels[1].overlays[0].key, QString("unet/seg"));
    QCOMPARE(l.panels[1].title, QString("unet/seg"));
    QCOMPARE(l.panels[1].diceAgainst, QString("seg"));
  }

  void stateRoundTripsAsJson() {
    CaseViewerModel m(dataset_, id_);
    QVERIFY(m.addResultFolder(results_));
    QSignalSpy loaded(&m, &CaseViewerModel::loaded);
    m.load();
    QVERIFY(loaded.wait(30000));
    m.setPreset("grid");
    m.setPanelImage(0, "t2");
    m.setAxis(viewers::SliceAxis::Coronal);
    QCOMPARE(m.preset(), QString("custom"));
    const QByteArray json = QJsonDocument(m.state()).toJson();
    CaseViewerModel again(dataset_, id_);
    again.restore(QJsonDocument::fromJson(json).object());
    QCOMPARE(again.resultFolders(), QStringList({results_}));
    QCOMPARE(again.preset(), QString("custom"));
    QCOMPARE(int(again.axis()), int(viewers::SliceAxis::Coronal));
    QCOMPARE(again.layout().panels[0].base, QString("t2"));
  }

  void pageShowsTheMaskLayoutWithDice() {
    auto* model = new CaseViewerModel(dataset_, id_);
    model->addResultFolder(results_);
    model->setPreset("masks");
    QSignalSpy loaded(model, &CaseViewerModel::loaded);
    CaseViewerPage page(model);
    QVERIFY(loaded.wait(30000));
    QCOMPARE(page.view()->panels().size(), size_t(3));
    // y_f is the ground truth itself here: 100 % on the whole volume.
    QCOMPARE(page.view()->volumeDice(2), 100.0);
    // The page opens on the tumor.
    QVERIFY2(page.view()->panels()[2]->caption().contains("100.0 % (slice)"), qPrintable(page.view()->panels()[2]->caption()));
    const QString png = dir_.path() + "/masks.png";
    QCOMPARE(page.exportFigure(png, 100), QString());
    QVERIFY(!QImage(png).isNull());
    QVERIFY(!page.exportFigure(dir_.path() + "/no/such/folder/x.png").isEmpty());
  }

  void overlaysAreEditedForEveryPanel() {
    auto* model = new CaseViewerModel(dataset_, id_);
    model->addResultFolder(results_);
    model->setPreset("grid");
    QSignalSpy loaded(model, &CaseViewerModel::loaded);
    CaseViewerPage page(model);
    QVERIFY(loaded.wait(30000));
    QCOMPARE(model->overlayKeys(), QStringList({"seg", "tissnet-test/seg", "tissnet-test/yc", "tissnet-test/yf"}));
    OverlayPanel* panel = page.overlays();
    QCOMPARE(panel->table()->rowCount(), 4);
    const QImage before = page.view()->panels()[0]->composed();
    // Switch y_f on: every panel gets it, green, as contour after the second click.
    auto* shown = qobject_cast<QCheckBox*>(panel->table()->cellWidget(3, 0));
    QCOMPARE(shown->text(), QString("tissnet-test/yf"));
    shown->setChecked(true);
    for (const auto& p : model->layout().panels) QCOMPARE(p.overlays.back().key, QString("tissnet-test/yf"));
    QCOMPARE(model->overlay("tissnet-test/yf")->colour, viewers::fineColour());
    QVERIFY(page.view()->panels()[0]->composed() != before);
    qobject_cast<QCheckBox*>(panel->table()->cellWidget(3, 3))->setChecked(true);
    QVERIFY(model->overlay("tissnet-test/yf")->contour);
    qobject_cast<QSpinBox*>(panel->table()->cellWidget(3, 2))->setValue(100);
    QCOMPARE(model->overlay("tissnet-test/yf")->opacity, 1.0);
    shown->setChecked(false);
    QVERIFY(!model->overlay("tissnet-test/yf"));
    QCOMPARE(model->preset(), QString("custom"));
  }

  void paperFigureOfTestCasesAndRuns() {
    PaperFigureModel m(dataset_, {results_});
    QStringList titles;
    for (const auto& c : m.candidateColumns()) titles << c.title;
    QCOMPARE(titles, QStringList({"t1", "t1ce", "t2", "flair", "tissnet-test"}));
    QCOMPARE(m.candidateColumns().back().result, QString("tissnet-test/seg"));
    m.spec.cases = {id_};
    m.spec.columns = {m.candidateColumns()[3], m.candidateColumns()[4]};
    m.options.widthMm = 25.4;
    m.options.dpi = 200;
    QSignalSpy finished(&m, &PaperFigureModel::finished);
    const QString png = dir_.path() + "/paper.png";
    m.exportFigure(png);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().first().toString(), QString());
    QCOMPARE(QImage(png).width(), 200);
    // A case that does not exist is reported by name.
    m.spec.cases = {"nope"};
    m.exportFigure(dir_.path() + "/x.png");
    QVERIFY(finished.wait(30000));
    QVERIFY(finished.last().first().toString().contains("nope"));
  }
};

QTEST_MAIN(TestCaseViewerModel)
#include "test_CaseViewerModel.moc"
