// File > Open from PACS…'s model without a window, against a real Orthanc on loopback ports: a
// study stored there is found by patient id, its series listed (MR ticked), retrieved with
// progress into the workspace folder and opened as a case through Open DICOM Folder's model;
// an unreachable server is said in words. The dialog binds (and is what the screenshot shows,
// TISS_SCREENSHOT=file). Skips, saying why, where Orthanc cannot start.
#include <QDir>
#include <QListWidget>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "common/Translations.h"
#include "dicom/OpenDicomModel.h"
#include "dicom/PacsDialog.h"
#include "dicom/PacsModel.h"
#include "dicom_series_writer.h"
#include "orthanc_support.h"

using namespace tiss;
using namespace tiss::ui;

namespace {

const char* kStudy = "1.2.826.0.1.3680043.2.1125.88";

std::vector<std::string> writeStudy(const std::string& dir) {
  const Geometry g = test::gridOf({16, 16, 6}, {1.5, 1.5, 3}, {1, 0, 0}, {0, 1, 0}, {-12, -12, -9});
  const std::vector<std::pair<std::string, std::string>> series{
      {"1.2.3.88.1", "t1_mprage_tra"}, {"1.2.3.88.2", "t1_mprage_tra_post +C"}, {"1.2.3.88.3", "t2_tse_tra"}, {"1.2.3.88.4", "t2_tirm_tra_dark-fluid"}};
  std::vector<std::string> files;
  int number = 1;
  for (const auto& [uid, description] : series) {
    Volume v(g);
    for (size_t i = 0; i < v.voxels.size(); ++i) v.voxels[i] = float(int(i * 7 + number * 50) % 800);
    test::SeriesSpec spec;
    spec.uid = uid, spec.description = description, spec.number = number++, spec.studyUid = kStudy, spec.scramble = false;
    spec.patientId = "PAT-88", spec.patientName = "Roe^Richard";
    for (auto& f : test::writeDicomSeries(dir + "/" + uid, v, spec)) files.push_back(f);
  }
  return files;
}

}  // namespace

class TestPacsModel : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { QVERIFY(switchLanguage("en")); }  // English plurals ("6 images")

  void findRetrieveAndOpen() {
    QTemporaryDir dir;
    test::Orthanc orthanc;
    if (const QString why = orthanc.start(dir.path()); !why.isEmpty()) QSKIP(qPrintable("no PACS here: " + why));
    QVERIFY(storeFiles(orthanc.node, writeStudy(dir.filePath("scanner").toStdString())));

    PacsModel pacs;
    pacs.setNode(orthanc.node);
    QSignalSpy studies(&pacs, &PacsModel::studiesChanged), series(&pacs, &PacsModel::seriesChanged), failed(&pacs, &PacsModel::failed);
    pacs.setPatientId("PAT-88");
    pacs.setModality("MR");
    pacs.search();
    QVERIFY(pacs.busy());
    QVERIFY(studies.wait(20000));
    QCOMPARE(pacs.studyCount(), 1);
    QCOMPARE(pacs.studyText(0, PacsModel::PatientName), QString("Roe Richard"));
    QCOMPARE(pacs.studyText(0, PacsModel::Series), QString("4"));
    QVERIFY(pacs.status().contains("1 study"));
    pacs.selectStudy(0);
    QVERIFY(series.wait(20000));
    QCOMPARE(pacs.seriesCount(), 4);
    for (int r = 0; r < 4; ++r) QVERIFY(pacs.seriesChecked(r));
    QVERIFY(pacs.seriesText(3).contains("t2_tirm_tra_dark-fluid"));
    QVERIFY2(pacs.seriesText(3).contains("6 images"), qPrintable(pacs.seriesText(3)));

    if (const QByteArray shot = qgetenv("TISS_SCREENSHOT"); !shot.isEmpty()) {
      PacsDialog dialog(&pacs, dir.filePath("ws/pacs"));
      dialog.show();
      dialog.findChild<QTableWidget*>()->selectRow(0);
      QVERIFY(dialog.grab().save(QString::fromUtf8(shot)));
    }

    // Cancelled at once: said, and the series stops after the file under way.
    pacs.retrieve(dir.filePath("ws/cancelled"));
    QVERIFY(pacs.busy());
    pacs.cancel();
    QVERIFY(failed.wait(20000));
    QVERIFY2(failed.last().first().toString().contains("cancelled"), qPrintable(failed.last().first().toString()));
    QVERIFY(!pacs.busy());
    const int kept = int(QDir(dir.filePath("ws/cancelled/") + kStudy + "/1.2.3.88.1").entryList(QDir::Files).size());
    QVERIFY2(kept < 6, qPrintable(QString::number(kept)));
    failed.clear();

    QSignalSpy progress(&pacs, &PacsModel::progress), retrieved(&pacs, &PacsModel::retrieved);
    pacs.retrieve(dir.filePath("ws/pacs"));
    QVERIFY(retrieved.wait(30000));
    QCOMPARE(failed.count(), 0);
    const QString folder = retrieved.first().first().toString();
    QCOMPARE(folder, dir.filePath("ws/pacs/") + kStudy);
    QCOMPARE(progress.last().at(0).toInt(), 24);
    QCOMPARE(progress.last().at(1).toInt(), 24);

    // What "Open from PACS…" does next: the retrieved study through Open DICOM Folder's model.
    OpenDicomModel open;
    QCOMPARE(open.setFolder(folder), QString());
    QCOMPARE(int(open.choices().size()), 4);
    open.setCaseId("P088");
    QString error;
    QVERIFY2(!open.import(dir.filePath("ws/dicom"), dir.filePath("ws/cases"), &error).isEmpty(), qPrintable(error));
  }

  void unreachableServerIsSaid() {
    PacsModel pacs;
    DicomNode node;
    node.port = test::freePort();  // nobody listens there
    node.timeoutSeconds = 5;
    pacs.setNode(node);
    QSignalSpy failed(&pacs, &PacsModel::failed);
    pacs.search();
    QVERIFY(failed.wait(20000));
    QVERIFY2(failed.first().first().toString().contains(QString::number(node.port)), qPrintable(failed.first().first().toString()));
    QVERIFY(!pacs.busy());
  }
};

QTEST_MAIN(TestPacsModel)
#include "test_PacsModel.moc"
