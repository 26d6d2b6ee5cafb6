#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

#include "test_support.h"
#include "tiss/data/dataset.h"
#include "tiss/evaluation/eval.h"
#include "tiss/io/image_io.h"

using namespace tiss;

class TestEval : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString data_, pred_, synth_;

 private slots:
  void initTestCase() {
    data_ = dir_.path() + "/data";
    pred_ = dir_.path() + "/pred";
    synth_ = dir_.path() + "/synth";
    testsupport::writePhantom(data_, PhantomLayout::Brats, 3, 2, {64, 64, 32});
    QDir().mkpath(pred_);
    auto d = openDataset(data_.toStdString());
    QVERIFY(d.ok());
    // Case 1: perfect prediction and synthesis. Case 2: prediction shifted by one voxel.
    // Case 3: no prediction (not evaluated).
    for (int i = 0; i < 2; ++i) {
      const auto& c = d->cases[size_t(i)];
      auto seg = readVolume(c.paths.at("seg"));
      QVERIFY(seg.ok());
      Volume pred = tumorMask(*seg);
      if (i == 1) pred = uncrop(crop(pred, Box{{0, 0, 0}, {63, 64, 32}}), Box{{1, 0, 0}, {63, 64, 32}}, pred.geometry, 0.f);
      QVERIFY(writeVolume(pred, testsupport::path(pred_, QString::fromStdString(c.id) + ".nii.gz")).ok());
      auto flair = readVolume(c.paths.at("flair"));
      QVERIFY(writeVolume(*flair, testsupport::path(synth_, QString::fromStdString(c.id) + ".nii.gz")).ok());
    }
  }
  void scoresEachCaseWithAPrediction() {
    EvalOptions o;
    o.pred = pred_.toStdString();
    o.gt = data_.toStdString();
    o.image = synth_.toStdString();
    auto scores = evaluate(o);
    QVERIFY2(scores.ok(), scores.ok() ? "" : scores.error().describe().c_str());
    QCOMPARE(scores->size(), size_t(2));
    const CaseScores& perfect = (*scores)[0];
    QVERIFY(perfect.error.empty());
    QCOMPARE(perfect.segmentation->dicePct, 100.0);
    QCOMPARE(perfect.segmentation->hd95Mm, 0.0);
    QCOMPARE(perfect.synthesis->psnrGlobalDb, 100.0);
    QVERIFY(std::abs(perfect.synthesis->ssimLocal - 1.0) < 1e-6);
    const CaseScores& shifted = (*scores)[1];
    QVERIFY(shifted.segmentation->dicePct < 100.0 && shifted.segmentation->dicePct > 50.0);
    // A one-voxel shift along x moves surfaces by at most one x spacing (240 / 64 = 3.75 mm).
    QVERIFY(shifted.segmentation->hd95Mm > 0 && shifted.segmentation->hd95Mm <= 3.75 + 1e-6);
  }
  void csvHasRowsMeanAndSd() {
    EvalOptions o;
    o.pred = pred_.toStdString();
    o.gt = data_.toStdString();
    auto scores = evaluate(o);
    QVERIFY(scores.ok());
    const QStringList lines = QString::fromStdString(toCsv(*scores)).trimmed().split('\n');
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines[0], QString("case,dice_pct,assd_mm,hd95_mm,error"));
    QVERIFY(lines[1].startsWith("BraTS20_Phantom_001,100.0000,0.0000,0.0000,"));
    const double d2 = lines[2].split(',')[1].toDouble();
    QCOMPARE(lines[3].split(',')[1].toDouble(), std::round((100.0 + d2) / 2 * 1e4) / 1e4);
    QVERIFY(lines[4].startsWith("sd,"));
  }
  void badCaseGetsItsReasonAndOthersGoOn() {
    QTemporaryDir broken;
    QVERIFY(QFile::copy(pred_ + "/BraTS20_Phantom_001.nii.gz", broken.path() + "/BraTS20_Phantom_001.nii.gz"));
    std::ofstream(testsupport::path(broken.path(), "BraTS20_Phantom_002.nii.gz")) << "oops";
    EvalOptions o;
    o.pred = broken.path().toStdString();
    o.gt = data_.toStdString();
    auto scores = evaluate(o);
    QVERIFY(scores.ok());
    QVERIFY((*scores)[0].error.empty());
    QVERIFY((*scores)[1].error.find("BraTS20_Phantom_002.nii.gz") != std::string::npos);
    QVERIFY(toCsv(*scores).find("\"") != std::string::npos);
  }
  void nothingToEvaluateIsAnError() {
    QTemporaryDir empty;
    EvalOptions o;
    o.pred = empty.path().toStdString();
    o.gt = data_.toStdString();
    auto scores = evaluate(o);
    QVERIFY(!scores.ok());
    QVERIFY(scores.error().message.find("no prediction") != std::string::npos);
  }
};

QTEST_APPLESS_MAIN(TestEval)
#include "test_eval.moc"
