// File > Open DICOM Folder…'s model without a window: a study written here (four series with
// vendor descriptions, a localizer of one slice) is listed with guessed sequences, edited as
// Open Case is (one series per sequence), imported into a workspace as NIfTI and kept as a
// case that opens like any other; a refusal for another grid names the series; the dialog binds.
#include <QComboBox>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "common/Translations.h"
#include "dicom/OpenDicomDialog.h"
#include "dicom/OpenDicomModel.h"
#include "dicom_series_writer.h"
#include "tiss/data/dataset.h"

using namespace tiss;
using namespace tiss::ui;

namespace {

const Geometry kGrid = test::gridOf({16, 16, 6}, {1.5, 1.5, 3}, {1, 0, 0}, {0, 1, 0}, {-12, -12, -9});

void writeStudy(const std::string& dir, const Geometry& flairGrid = kGrid) {
  const std::vector<std::pair<std::string, std::string>> series{
      {"1.2.3.8.1", "T1W_3D_TFE"}, {"1.2.3.8.2", "Ax T1 BRAVO +C"}, {"1.2.3.8.3", "t2_tse_tra"}, {"1.2.3.8.4", "t2_tirm_tra_dark-fluid"}};
  int number = 2;
  for (const auto& [uid, description] : series) {
    Volume v(number == 5 ? flairGrid : kGrid);
    for (size_t i = 0; i < v.voxels.size(); ++i) v.voxels[i] = float(int(i * 13 + number * 100) % 900);
    test::SeriesSpec spec;
    spec.uid = uid, spec.description = description, spec.number = number++;
    test::writeDicomSeries(dir + "/" + uid, v, spec);
  }
  test::SeriesSpec localizer;
  localizer.uid = "1.2.3.8.9", localizer.description = "localizer", localizer.number = 1;
  test::writeDicomSeries(dir + "/loc", Volume(test::gridOf({16, 16, 1}, {1, 1, 1}, {1, 0, 0}, {0, 1, 0}, {0, 0, 0})), localizer);
}

}  // namespace

class TestOpenDicomModel : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { QVERIFY(switchLanguage("en")); }  // English plurals ("6 slices")

  void seriesAreGuessedEditedAndImported() {
    QTemporaryDir dir;
    const QString folder = dir.filePath("P042");
    writeStudy(folder.toStdString());
    OpenDicomModel m;
    QCOMPARE(m.setFolder(folder), QString());
    QCOMPARE(m.rows(), 5);
    QCOMPARE(m.caseId(), QString("P042"));
    // Series by number: the localizer first (a problem, no sequence), then t1n, t1c, t2w, t2f.
    QVERIFY(m.rowProblem(0).contains("one slice"));
    QCOMPARE(m.sequence(0), QString());
    const QStringList guessed{"t1n", "t1c", "t2w", "t2f"};
    for (int r = 1; r < 5; ++r) QCOMPARE(m.sequence(r), guessed[r - 1]);
    QVERIFY(m.rowText(4).contains("t2_tirm_tra_dark-fluid"));
    QVERIFY(m.rowText(4).contains("6 slices"));
    QVERIFY(m.valid());
    // One series per sequence; the localizer takes none.
    m.setSequence(3, "t1n");
    QCOMPARE(m.sequence(3), QString("t1n"));
    QCOMPARE(m.sequence(1), QString());
    m.setSequence(0, "t2w");
    QCOMPARE(m.sequence(0), QString());
    m.setSequence(1, "t1n");
    m.setSequence(3, "t2w");
    // No series used, a bad id: said in words.
    OpenDicomModel empty;
    QVERIFY(!empty.valid());
    m.setCaseId("../x");
    QVERIFY(!m.valid());
    m.setCaseId("P042");

    const QString dicomRoot = dir.filePath("ws/dicom"), casesRoot = dir.filePath("ws/cases");
    QString error;
    const QString kept = m.import(dicomRoot, casesRoot, &error);
    QVERIFY2(!kept.isEmpty(), qPrintable(error));
    auto dataset = openDataset(kept.toStdString());
    QVERIFY(dataset.ok());
    QCOMPARE(int(dataset->manifest.cases.size()), 1);
    const CaseFiles* c = dataset->find("P042");
    QVERIFY(c);
    for (const char* key : {"t1", "t1ce", "t2", "flair"}) QVERIFY2(c->paths.count(key), key);
    QVERIFY(QFile::exists(dicomRoot + "/P042/P042_flair.nii.gz"));
  }

  void anotherGridIsRefusedByNameOrResampled() {
    QTemporaryDir dir;
    const QString folder = dir.filePath("P043");
    writeStudy(folder.toStdString(), test::gridOf({12, 12, 5}, {2, 2, 3}, {1, 0, 0}, {0, 1, 0}, {-11, -11, -6}));
    OpenDicomModel m;
    QCOMPARE(m.setFolder(folder), QString());
    QString error;
    QVERIFY(m.import(dir.filePath("dicom"), dir.filePath("cases"), &error).isEmpty());
    QVERIFY2(error.contains("series 5 (t2_tirm_tra_dark-fluid)"), qPrintable(error));
    m.setFrameRule(FrameRule::Resample);
    QVERIFY2(!m.import(dir.filePath("dicom"), dir.filePath("cases"), &error).isEmpty(), qPrintable(error));
  }

  void dialogBindsToTheModel() {
    QTemporaryDir dir;
    writeStudy(dir.filePath("P044").toStdString());
    OpenDicomModel m;
    m.setFolder(dir.filePath("P044"));
    OpenDicomDialog dialog(&m);
    auto* table = dialog.findChild<QTableWidget*>();
    QVERIFY(table);
    QCOMPARE(table->rowCount(), 5);
    auto* localizer = qobject_cast<QComboBox*>(table->cellWidget(0, 1));
    QVERIFY(localizer && !localizer->isEnabled());
    auto* flair = qobject_cast<QComboBox*>(table->cellWidget(4, 1));
    QCOMPARE(flair->currentData().toString(), QString("t2f"));
    m.setSequence(4, "");
    QCOMPARE(flair->currentData().toString(), QString());
    auto* open = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Open);
    QVERIFY(open->isEnabled());
    for (int r = 1; r < 4; ++r) m.setSequence(r, "");
    QVERIFY(!open->isEnabled());
    m.setSequence(4, "t2f");
    if (const QByteArray shot = qgetenv("TISS_SCREENSHOT"); !shot.isEmpty()) {
      for (int r = 1; r < 4; ++r) m.setSequence(r, OpenDicomModel::sequenceChoices()[r - 1]);
      dialog.show();
      QVERIFY(dialog.grab().save(QString::fromUtf8(shot)));
    }
  }
};

QTEST_MAIN(TestOpenDicomModel)
#include "test_OpenDicomModel.moc"
