// File > Open Case without a window: a case folder named as BraTS 2023 names its files, with a
// file nobody can guess, read as a case: modalities guessed and editable (one file per key),
// what prevents opening said, the case kept as a one-case manifest in the workspace and shown
// by the viewer with the notices of a case without target and label; the dialog binds to it.
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "dataset/OpenCaseDialog.h"
#include "dataset/OpenCaseModel.h"
#include "test_support.h"
#include "viewer/CaseViewerModel.h"

using namespace tiss;
using namespace tiss::ui;

class TestOpenCaseModel : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString case_, id_;

  QString keyOf(const OpenCaseModel& m, const QString& fileEnd) {
    for (int i = 0; i < m.files().size(); ++i)
      if (m.files()[i].endsWith(fileEnd)) return m.key(i);
    return "?";
  }
  int rowOf(const OpenCaseModel& m, const QString& fileEnd) {
    for (int i = 0; i < m.files().size(); ++i)
      if (m.files()[i].endsWith(fileEnd)) return i;
    return -1;
  }

 private Q_SLOTS:
  void initTestCase() {
    testsupport::writePhantom(dir_.path() + "/data", PhantomLayout::Brats, 1, 6);
    const QString old = QDir(dir_.path() + "/data").entryList(QDir::Dirs | QDir::NoDotAndDotDot).first();
    // Named as BraTS 2023-2025 name them.
    id_ = "BraTS-GLI-00007-000";
    case_ = dir_.path() + "/data/" + id_;
    QVERIFY(QDir().rename(dir_.path() + "/data/" + old, case_));
    for (const auto& [from, to] : QList<std::pair<QString, QString>>{{"t1", "t1n"}, {"t1ce", "t1c"}, {"t2", "t2w"}, {"flair", "t2f"}, {"seg", "seg"}})
      QVERIFY(QFile::rename(case_ + "/" + old + "_" + from + ".nii.gz", case_ + "/" + id_ + "-" + to + ".nii.gz"));
    QFile::copy(case_ + "/" + id_ + "-t2w.nii.gz", case_ + "/dwi.nii.gz");  // nothing to guess from
  }

  void modalitiesGuessedFromTheNames() {
    OpenCaseModel m;
    QCOMPARE(m.setPaths({case_}), QString());
    QCOMPARE(m.files().size(), 6);
    QCOMPARE(m.caseId(), id_);
    QCOMPARE(keyOf(m, "-t1n.nii.gz"), QString("t1"));
    QCOMPARE(keyOf(m, "-t1c.nii.gz"), QString("t1ce"));
    QCOMPARE(keyOf(m, "-t2w.nii.gz"), QString("t2"));
    QCOMPARE(keyOf(m, "-t2f.nii.gz"), QString("flair"));
    QCOMPARE(keyOf(m, "-seg.nii.gz"), QString("seg"));
    QCOMPARE(keyOf(m, "dwi.nii.gz"), QString());  // not used until the user says
    QVERIFY(m.valid());
  }

  void editingKeepsOneFilePerKey() {
    OpenCaseModel m;
    m.setPaths({case_});
    QSignalSpy changed(&m, &OpenCaseModel::changed);
    m.setKey(rowOf(m, "dwi.nii.gz"), "t2");  // the user says dwi is their T2
    QCOMPARE(keyOf(m, "dwi.nii.gz"), QString("t2"));
    QCOMPARE(keyOf(m, "-t2w.nii.gz"), QString());  // lost the key to it
    QVERIFY(changed.size() >= 1);
    m.setKey(rowOf(m, "dwi.nii.gz"), "dti");  // not a key of the task: ignored
    QCOMPARE(keyOf(m, "dwi.nii.gz"), QString("t2"));
    m.setTaskName("vs");  // guessed again with the vs task's keys
    QCOMPARE(m.keyChoices(), QStringList({"T2", "ceT1", "seg"}));
    QCOMPARE(keyOf(m, "-t1c.nii.gz"), QString("ceT1"));
    QCOMPARE(keyOf(m, "-t1n.nii.gz"), QString());
  }

  void whatPreventsOpeningIsSaid() {
    OpenCaseModel m;
    QVERIFY(m.setPaths({dir_.path() + "/nowhere"}).contains("nowhere"));
    m.setPaths({case_});
    for (const char* end : {"-t1n.nii.gz", "-t1c.nii.gz", "-t2w.nii.gz"}) m.setKey(rowOf(m, end), QString());
    m.setCaseId("../up");
    const QString problems = m.problems().join(' ');
    QVERIFY2(problems.contains("No source image") && problems.contains("case id"), qPrintable(problems));
    QString error;
    QVERIFY(m.save(dir_.path() + "/ws/cases", &error).isEmpty());
    QVERIFY(error.contains("No source image"));
    QVERIFY(!QFileInfo::exists(dir_.path() + "/ws/cases"));
  }

  // A clinic case: without FLAIR and label, opened and viewed without any data set.
  void keptInTheWorkspaceAndViewed() {
    OpenCaseModel m;
    m.setPaths({case_});
    m.setKey(rowOf(m, "-t2f.nii.gz"), QString());
    m.setKey(rowOf(m, "-seg.nii.gz"), QString());
    QString error;
    const QString folder = m.save(dir_.path() + "/ws/cases", &error);
    QVERIFY2(!folder.isEmpty(), qPrintable(error));
    QCOMPARE(folder, dir_.path() + "/ws/cases/" + id_);
    QCOMPARE(QDir(case_).entryList(QDir::Files).size(), 6);  // the user's folder untouched
    auto data = openDataset(folder.toStdString());
    QVERIFY2(data.ok(), data.ok() ? "" : data.error().describe().c_str());
    CaseViewerModel viewer(std::make_shared<const Dataset>(*data), id_);
    QVERIFY(viewer.standalone());
    QSignalSpy loaded(&viewer, &CaseViewerModel::loaded);
    viewer.load();
    QVERIFY(loaded.wait(30000));
    QCOMPARE(viewer.images()->keys(), QStringList({"t1", "t1ce", "t2"}));
    QCOMPARE(viewer.layout().panels.size(), size_t(3));  // the modalities it has, no empty panel
    const QString notices = viewer.notices().join(' ');
    QVERIFY2(notices.contains("No real flair") && notices.contains("No ground truth"), qPrintable(notices));
  }

  void dialogShowsTheModel() {
    OpenCaseModel m;
    m.setPaths({case_});
    OpenCaseDialog dialog(&m);
    QTableWidget* table = dialog.table();
    QCOMPARE(table->rowCount(), 6);
    auto* open = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Open);
    QVERIFY(open->isEnabled());
    if (qEnvironmentVariableIsSet("TISS_SCREENSHOTS")) dialog.grab().save(qEnvironmentVariable("TISS_SCREENSHOTS") + "/open-case.png");
    const int t1 = rowOf(m, "-t1n.nii.gz");
    QCOMPARE(qobject_cast<QComboBox*>(table->cellWidget(t1, 1))->currentText(), QString("t1"));
    QCOMPARE(table->item(t1, 0)->text(), id_ + "-t1n.nii.gz");
    // Choosing t1 for the dwi file takes it from the t1n row, in the table too.
    auto* dwi = qobject_cast<QComboBox*>(table->cellWidget(rowOf(m, "dwi.nii.gz"), 1));
    dwi->setCurrentIndex(dwi->findData("t1"));
    Q_EMIT dwi->activated(dwi->currentIndex());
    QCOMPARE(qobject_cast<QComboBox*>(table->cellWidget(t1, 1))->currentData().toString(), QString());
    m.setCaseId("");
    QVERIFY(!open->isEnabled());
  }
};

QTEST_MAIN(TestOpenCaseModel)
#include "test_OpenCaseModel.moc"
