// The UI thread keeps processing events while a large data set is opened and checked, and a
// scan can be cancelled.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

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
    testsupport::writePhantom(data_, PhantomLayout::Brats, 369, 3, {32, 32, 8});
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
};

QTEST_MAIN(TestDatasetScanner)
#include "test_DatasetScanner.moc"
