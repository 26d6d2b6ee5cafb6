// The UI thread keeps processing events while a large data set is opened and checked, and a
// scan can be cancelled.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <filesystem>

#include "dataset/CaseTableModel.h"
#include "dataset/DatasetScanner.h"
#include "dataset/ThumbnailProvider.h"
#include "test_support.h"

using namespace tiss;
using namespace tiss::ui;

class TestDatasetScanner : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString data_;

 private Q_SLOTS:
  void initTestCase() {
    data_ = dir_.path() + "/large";
    // As many cases as BraTS 2020's training set, small so the test stays quick.
    // 369 tiny cases on the ellipsoid anatomy: the scan's progress, batching and the event
    // loop are under test here, not the anatomy.
    testsupport::writePhantom(data_, PhantomLayout::Brats, 369, 3, {32, 32, 8}, PhantomAnatomy::Ellipsoid);
  }

  void uiThreadStaysResponsiveDuringTheScan() {
    DatasetScanner scanner;
    ThumbnailProvider thumbnails;
    QSignalSpy finished(&scanner, &DatasetScanner::finished);
    int records = 0, batches = 0, lastDone = 0, lastTotal = 0;
    connect(&scanner, &DatasetScanner::casesUpdated, this, [&](const QVector<CaseRecord>& r) {
      records += r.size();
      ++batches;
    });
    connect(&scanner, &DatasetScanner::progress, this, [&](int done, int total) {
      lastDone = done;
      lastTotal = total;
    });
    // The browser asks for every thumbnail as soon as the cases are listed.
    connect(&scanner, &DatasetScanner::opened, this, [&](std::shared_ptr<const Dataset> d) {
      thumbnails.setDataset(d, dir_.path() + "/cache");
      for (const auto& c : d->cases) thumbnails.thumbnail(QString::fromStdString(c.id));
    });
    QElapsedTimer clock;
    qint64 last = 0, worstGap = 0;
    QTimer tick;
    connect(&tick, &QTimer::timeout, this, [&] {
      worstGap = std::max(worstGap, clock.elapsed() - last);
      last = clock.elapsed();
    });
    clock.start();
    tick.start(5);
    scanner.start(data_, true, 2);
    QVERIFY(finished.wait(120000));
    const qint64 scanMs = clock.elapsed();
    while (thumbnails.pending() > 0) QTest::qWait(20);
    tick.stop();
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(records, 2 * 369);  // headers, then voxels
    QCOMPARE(lastDone, lastTotal);
    QCOMPARE(lastTotal, 2 * 369);
    // Batches are coalesced: at most one per flush interval (however slow the machine, e.g.
    // under the sanitizers), so fewer signals than records.
    QVERIFY2(batches <= scanMs / scanner.flushIntervalMs() + 2 && batches < records,
             qPrintable(QString("%1 batches in %2 ms").arg(batches).arg(scanMs)));
    qInfo("scan of 369 cases with thumbnails: %lld ms, worst gap between 5 ms ticks: %lld ms", clock.elapsed(), worstGap);
    QVERIFY2(worstGap < 50, qPrintable(QString("the event loop stalled for %1 ms").arg(worstGap)));
  }

  void cancelStopsEarly() {
    DatasetScanner scanner;
    QSignalSpy finished(&scanner, &DatasetScanner::finished);
    int records = 0;
    connect(&scanner, &DatasetScanner::casesUpdated, this, [&](const QVector<CaseRecord>& r) { records += r.size(); });
    connect(&scanner, &DatasetScanner::opened, &scanner, &DatasetScanner::cancel);
    scanner.start(data_, true, 1);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(records < 2 * 369);
    QVERIFY(!scanner.running());
  }

  void aFolderThatIsNoDataSetFailsNamingIt() {
    DatasetScanner scanner;
    QSignalSpy failed(&scanner, &DatasetScanner::failed);
    QSignalSpy finished(&scanner, &DatasetScanner::finished);
    scanner.start(dir_.path() + "/nothing-here");
    QVERIFY(finished.wait(10000));
    QCOMPARE(failed.count(), 1);
    const auto error = failed.first().first().value<Error>();
    QVERIFY(QString::fromStdString(error.file).endsWith("nothing-here"));
  }

  // Odd names: a case named "{case}" is a case like any other (the scan ends), a name that is
  // not UTF-8 is left out and named, and the browser's layout line says so.
  void oddCaseNamesEndAndAreNamed() {
    namespace fs = std::filesystem;
    const fs::path odd = (dir_.path() + "/odd").toStdString(), from = (dir_.path() + "/three").toStdString();
    testsupport::writePhantom(QString::fromStdString(from.string()), PhantomLayout::Brats, 2, 5, {32, 32, 8});
    std::vector<std::string> ids;
    for (const auto& e : fs::directory_iterator(from)) ids.push_back(e.path().filename().string());
    std::sort(ids.begin(), ids.end());
    for (const auto& [id, name] : {std::pair{ids[0], std::string("{case}")}, std::pair{ids[1], std::string("bad\xff")}}) {
      fs::create_directories(odd / name);
      for (const auto& e : fs::directory_iterator(from / id)) {
        const std::string file = e.path().filename().string();
        fs::copy_file(e.path(), odd / name / (name + file.substr(id.size())));
      }
    }
    DatasetScanner scanner;
    QSignalSpy finished(&scanner, &DatasetScanner::finished);
    std::shared_ptr<const Dataset> opened;
    QVector<CaseRecord> records;
    connect(&scanner, &DatasetScanner::opened, this, [&](std::shared_ptr<const Dataset> d) { opened = d; });
    connect(&scanner, &DatasetScanner::casesUpdated, this, [&](const QVector<CaseRecord>& r) { records += r; });
    scanner.start(QString::fromStdString(odd.string()), true, 2);
    QVERIFY(finished.wait(60000));
    QVERIFY(opened);
    QCOMPARE(int(opened->cases.size()), 1);
    QCOMPARE(opened->cases.front().id, std::string("{case}"));
    QCOMPARE(int(opened->refused.size()), 1);
    CaseTableModel table;
    table.setDataset(opened);
    table.updateRecords(records);
    const QString layout = table.layoutText();
    QVERIFY2(layout.contains("1 case(s) left out") && layout.contains("bad\\xFF"), qPrintable(layout));
  }
};

QTEST_MAIN(TestDatasetScanner)
#include "test_DatasetScanner.moc"
