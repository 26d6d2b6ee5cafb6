// The data set browser's models, headless: a phantom data set opened through DatasetSession
// fills the table with the values of its files; broken cases are flagged with the reason;
// sorting, filtering and split editing work and the split persists.
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include "common/Translations.h"
#include "dataset/CaseFilterModel.h"
#include "dataset/CaseTableModel.h"
#include "dataset/DatasetSession.h"
#include "test_support.h"
#include "tiss/data/folds.h"
#include "tiss/io/image_io.h"

using namespace tiss;
using namespace tiss::ui;

namespace {
QString caseId(int n) { return QString("BraTS20_Phantom_%1").arg(n, 3, 10, QChar('0')); }
}  // namespace

class TestCaseTableModel : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString data_;
  std::unique_ptr<DatasetSession> session_;
  CaseFilterModel filter_;

  QString file(int n, const char* key) const { return data_ + "/" + caseId(n) + "/" + caseId(n) + "_" + key + ".nii.gz"; }
  CaseTableModel* cases() { return session_->cases(); }
  QString cell(int row, int column) { return cases()->index(row, column).data().toString(); }

  void openAndWait() {
    session_ = std::make_unique<DatasetSession>(nullptr);
    QSignalSpy done(session_.get(), &DatasetSession::scanFinished);
    session_->open(data_, dir_.path() + "/cache");
    QVERIFY(done.wait(60000));
    QCOMPARE(done.first().first().toBool(), false);
    filter_.setSourceModel(cases());
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(switchLanguage("en"));  // English plural forms: "1 problem"
    data_ = dir_.path() + "/data";
    testsupport::writePhantom(data_, PhantomLayout::Brats, 6, 21);
    // Case 3: a truncated FLAIR; case 5: no T2 at all.
    QFile flair(file(3, "flair"));
    QVERIFY(flair.open(QIODevice::ReadWrite));
    QVERIFY(flair.resize(flair.size() / 2));
    flair.close();
    QVERIFY(QFile::remove(file(5, "t2")));
    openAndWait();
  }

  void layoutAndMappingAreShown() {
    const QString text = cases()->layoutText();
    QVERIFY2(text.contains("BraTS 2020/2021") && text.contains("target flair") && text.contains("values 0 1 2 4"), qPrintable(text));
  }

  void imagesTsCasesStayOutOfTheSplit() {
    // An nnU-Net dataset: case A in imagesTr with its label, case B in imagesTs without one.
    const QString root = dir_.path() + "/Dataset001_X";
    const QStringList keys{"t1", "t1ce", "t2", "flair"};
    QVERIFY(QDir().mkpath(root + "/imagesTr") && QDir().mkpath(root + "/imagesTs") && QDir().mkpath(root + "/labelsTr"));
    for (int ch = 0; ch < 4; ++ch) {
      QVERIFY(QFile::copy(file(1, qPrintable(keys[ch])), root + QString("/imagesTr/A_%1.nii.gz").arg(ch, 4, 10, QChar('0'))));
      QVERIFY(QFile::copy(file(2, qPrintable(keys[ch])), root + QString("/imagesTs/B_%1.nii.gz").arg(ch, 4, 10, QChar('0'))));
    }
    QVERIFY(QFile::copy(file(1, "seg"), root + "/labelsTr/A.nii.gz"));
    QFile json(root + "/dataset.json");
    QVERIFY(json.open(QIODevice::WriteOnly));
    json.write(R"({"channel_names": {"0": "T1", "1": "T1ce", "2": "T2", "3": "FLAIR"}, "labels": {"background": 0, "a": 1, "b": 2, "c": 4}})");
    json.close();
    auto d = openDataset(root.toStdString());
    QVERIFY(d.ok());
    CaseTableModel model;
    model.setDataset(std::make_shared<const Dataset>(*d));
    QVERIFY2(model.layoutText().contains("nnU-Net v2") && model.layoutText().contains("imagesTs"), qPrintable(model.layoutText()));
    QVERIFY(model.heldOut("B") && !model.heldOut("A"));
    model.redrawSplit(3);
    QVERIFY(model.split().partOf("B") == SplitPart::Unassigned);
    model.assign({model.rowOf("B")}, SplitPart::Train);
    QVERIFY(model.split().partOf("B") == SplitPart::Unassigned);
  }

  void tableHoldsTheValuesOfTheFiles() {
    QCOMPARE(cases()->rowCount(), 6);
    const int row = cases()->rowOf(caseId(1));
    QCOMPARE(cell(row, CaseTableModel::Id), caseId(1));
    auto header = readHeader(file(1, "t1").toStdString());
    QVERIFY(header.ok());
    const auto& g = header->geometry;
    QCOMPARE(cell(row, CaseTableModel::Size), QString("%1 × %2 × %3").arg(g.size[0]).arg(g.size[1]).arg(g.size[2]));
    QVERIFY2(cell(row, CaseTableModel::Spacing).endsWith(" mm"), qPrintable(cell(row, CaseTableModel::Spacing)));
    QCOMPARE(cases()->record(row).spacing[2], g.spacing[2]);
    QCOMPARE(cell(row, CaseTableModel::Modalities), QString("t1, t1ce, t2, flair, seg"));
    // Tumor volume by hand: voxels > 0 times the voxel volume, in mL.
    auto label = readVolume(file(1, "seg").toStdString());
    QVERIFY(label.ok());
    long voxels = 0;
    for (float v : label->voxels) voxels += v > 0;
    const double ml = double(voxels) * g.spacing[0] * g.spacing[1] * g.spacing[2] / 1000.0;
    QVERIFY(ml > 0);
    QCOMPARE(cell(row, CaseTableModel::TumorVolume), QString("%1 mL").arg(ml, 0, 'f', 2));
    QCOMPARE(cell(row, CaseTableModel::StatusColumn), QString("OK"));
    QCOMPARE(cell(row, CaseTableModel::SplitColumn), splitName(cases()->split().partOf(caseId(1).toStdString())));
  }

  void brokenCasesAreFlaggedWithTheirReason() {
    QCOMPARE(cases()->problemCount(), 2);
    const int truncated = cases()->rowOf(caseId(3));
    QVERIFY(cases()->record(truncated).hasProblems());
    const QString tip = cases()->index(truncated, CaseTableModel::StatusColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(caseId(3) + "_flair.nii.gz"), qPrintable(tip));
    QVERIFY2(tip.contains("truncated", Qt::CaseInsensitive), qPrintable(tip));
    QCOMPARE(cell(truncated, CaseTableModel::StatusColumn), QString("1 problem"));
    const int missing = cases()->rowOf(caseId(5));
    QVERIFY(!cases()->record(missing).modalities.contains("t2"));
    const QString why = cases()->index(missing, CaseTableModel::Id).data(Qt::ToolTipRole).toString();
    QVERIFY2(why.contains("_t2.nii.gz"), qPrintable(why));
  }

  void sortsNumbersAsNumbers() {
    filter_.sort(CaseTableModel::TumorVolume, Qt::DescendingOrder);
    double previous = 1e300;
    for (int r = 0; r < filter_.rowCount(); ++r) {
      const double v = filter_.index(r, CaseTableModel::TumorVolume).data(CaseTableModel::SortRole).toDouble();
      QVERIFY(v <= previous);
      previous = v;
    }
    filter_.sort(CaseTableModel::Id, Qt::AscendingOrder);
    QCOMPARE(filter_.index(0, 0).data().toString(), caseId(1));
    QCOMPARE(filter_.index(5, 0).data().toString(), caseId(6));
  }

  void filtersByProblemsTextAndSplit() {
    filter_.setProblemsOnly(true);
    QCOMPARE(filter_.rowCount(), 2);
    QCOMPARE(filter_.index(0, 0).data().toString(), caseId(3));
    QCOMPARE(filter_.index(1, 0).data().toString(), caseId(5));
    filter_.setProblemsOnly(false);
    filter_.setIdFilter("phantom_004");
    QCOMPARE(filter_.rowCount(), 1);
    filter_.setIdFilter(QString());
    filter_.setSplitFilter(SplitPart::Train);
    QCOMPARE(filter_.rowCount(), int(cases()->split().ids(SplitPart::Train).size()));
    filter_.setSplitFilter(std::nullopt);
    QCOMPARE(filter_.rowCount(), 6);
  }

  void splitEditsPersist() {
    QSignalSpy modified(cases(), &CaseTableModel::splitModifiedChanged);
    const int row = cases()->rowOf(caseId(2));
    const SplitPart other = cases()->split().partOf(caseId(2).toStdString()) == SplitPart::Test ? SplitPart::Val : SplitPart::Test;
    cases()->assign({row}, other);
    QVERIFY(cases()->splitModified());
    QCOMPARE(modified.count(), 1);
    QVERIFY(cases()->saveSplit().ok());
    QVERIFY(!cases()->splitModified());
    auto saved = readSplit((data_ + "/split.json").toStdString());
    QVERIFY(saved.ok());
    QCOMPARE(int(saved->partOf(caseId(2).toStdString())), int(other));
    // Reopening shows the saved split.
    openAndWait();
    QCOMPARE(cell(cases()->rowOf(caseId(2)), CaseTableModel::SplitColumn), splitName(other));
    // Re-drawing with a seed gives core's split for that seed.
    cases()->redrawSplit(77);
    std::vector<std::string> ids;
    for (int n = 1; n <= 6; ++n) ids.push_back(caseId(n).toStdString());
    QVERIFY(cases()->split().assignment == drawSplit(ids, 77).assignment);
    QVERIFY(cases()->saveSplit().ok());
    QCOMPARE(readSplit((data_ + "/split.json").toStdString())->seed, uint64_t(77));
  }

  void aFailedSaveKeepsTheEditAndNamesTheFile() {
    cases()->assign({0}, SplitPart::Val);
    cases()->assign({0}, SplitPart::Test);
    // A folder where split.json should be: the write fails whoever runs the test.
    const QString blocked = data_ + "/split.json";
    QVERIFY(QFile::rename(blocked, blocked + ".saved"));
    QVERIFY(QDir().mkpath(blocked + "/x"));
    const auto st = cases()->saveSplit();
    QVERIFY(!st.ok());
    QVERIFY2(QString::fromStdString(st.error().describe()).contains("split.json"), st.error().describe().c_str());
    QVERIFY(cases()->splitModified());
    QVERIFY(QDir(blocked).removeRecursively());
    QVERIFY(QFile::rename(blocked + ".saved", blocked));
    QVERIFY(cases()->saveSplit().ok());
  }

  void thumbnailsArriveForTheRowsAsked() {
    QSignalSpy ready(session_->thumbnails(), &ThumbnailProvider::ready);
    const QModelIndex cell = cases()->index(cases()->rowOf(caseId(1)), CaseTableModel::Thumbnails);
    QVERIFY(cell.data(Qt::DecorationRole).value<QImage>().isNull());  // queued, not drawn yet
    QVERIFY(ready.wait(20000));
    const QImage strip = cell.data(Qt::DecorationRole).value<QImage>();
    QCOMPARE(strip.height(), ThumbnailProvider::kHeight);
    QVERIFY(strip.width() > 3 * ThumbnailProvider::kHeight);  // four modalities side by side
  }

  // The browser writes the folds as `tissnet split --folds` does: nnU-Net's file, the saved
  // split's test part held out, no silent replacement, never over unsaved split edits.
  void foldsAreWrittenFromTheBrowser() {
    openAndWait();
    QVERIFY(!cases()->splitModified());
    const QString file = data_ + "/splits_final.json";
    QFile::remove(file);
    auto sizes = cases()->writeFolds(2, 5, false);
    QVERIFY2(sizes.ok(), sizes.ok() ? "" : sizes.error().describe().c_str());
    auto folds = readFolds(file.toStdString());
    QVERIFY(folds.ok());
    QCOMPARE(folds->size(), size_t(2));
    size_t validated = 0;
    for (const auto& f : *folds) {
      validated += f.val.size();
      for (const auto& id : f.val) QVERIFY(cases()->split().partOf(id) != SplitPart::Test);
    }
    QCOMPARE(validated, size_t(6) - cases()->split().ids(SplitPart::Test).size());
    QCOMPARE((*sizes)[0] + (*sizes)[1], validated);
    auto again = cases()->writeFolds(2, 5, false);
    QVERIFY(!again.ok() && again.error().message.find("already exists") != std::string::npos);
    QVERIFY(cases()->writeFolds(3, 5, true).ok());
    QCOMPARE(readFolds(file.toStdString())->size(), size_t(3));
    const int row = cases()->rowOf(caseId(1));
    cases()->assign({row}, cases()->split().partOf(caseId(1).toStdString()) == SplitPart::Val ? SplitPart::Train : SplitPart::Val);
    auto unsaved = cases()->writeFolds(2, 5, true);
    QVERIFY(!unsaved.ok() && unsaved.error().message.find("unsaved") != std::string::npos);
  }
};

QTEST_MAIN(TestCaseTableModel)
#include "test_CaseTableModel.moc"
