// Following a run folder: lines appear as they are written, a torn last line waits for its
// end, a killed trainer is reported as crashed, and the UI thread keeps running while events
// pour in.
#include <QElapsedTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <thread>

#include <cstdio>

#include <sys/wait.h>
#include <unistd.h>

#include "training/RunMonitor.h"

using namespace tiss::ui;

namespace {

void append(const QString& file, const QByteArray& text) {
  QFile f(file);
  QVERIFY(f.open(QIODevice::Append));
  f.write(text);
}

QByteArray stepLine(int step, double loss) {
  return QString("{\"event\":\"step\",\"step\":%1,\"total\":100000,\"losses\":{\"total\":%2,\"coarse\":%3}}" "\n")
      .arg(step).arg(loss).arg(loss / 2).toUtf8();
}

void writeRunJson(const QString& dir, qint64 pid) {
  char host[256] = {};
  ::gethostname(host, sizeof(host) - 1);
  QFile f(dir + "/run.json");
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(QJsonDocument(QJsonObject{{"pid", pid}, {"host", QString::fromLocal8Bit(host)}}).toJson());
}

}  // namespace

class TestRunMonitor : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

 private Q_SLOTS:
  void followsLinesAsTheyAreWritten() {
    const QString run = dir_.path() + "/live";
    QVERIFY(QDir().mkpath(run));
    writeRunJson(run, ::getpid());  // this process: alive
    RunMonitor m(run);
    QSignalSpy updated(&m, &RunMonitor::updated);
    append(run + "/events.jsonl", "{\"event\":\"status\",\"state\":\"running\",\"step\":0}" "\n" + stepLine(1, 3.0));
    QVERIFY(updated.wait(5000));
    QCOMPARE(m.history().losses["total"].values, QVector<double>({3.0}));
    QCOMPARE(int(m.state()), int(RunMonitor::State::Running));
    // Half a line: nothing yet; its end: the point.
    const QByteArray line = stepLine(2, 2.0);
    append(run + "/events.jsonl", line.left(20));
    QTest::qWait(2 * RunMonitor::kPollMs);
    QCOMPARE(m.history().losses["total"].steps.size(), 1);
    append(run + "/events.jsonl", line.mid(20));
    QVERIFY(updated.wait(5000));
    QCOMPARE(m.history().losses["total"].values, QVector<double>({3.0, 2.0}));
    QCOMPARE(m.history().badLines, 0L);
  }

  void aRewoundLogIsReadAgainFromItsStart() {
    // A resume rewrites events.jsonl without the steps after its checkpoint (a new file,
    // shorter): the plot shows the new file's points, and the criterion and best step stay.
    const QString run = dir_.path() + "/rewound", log = run + "/events.jsonl";
    QVERIFY(QDir().mkpath(run));
    writeRunJson(run, ::getpid());
    const QByteArray head = "{\"event\":\"status\",\"state\":\"running\",\"step\":0,\"select\":\"psnr_db\"}\n" + stepLine(1, 3.0) +
                            stepLine(2, 2.5) + "{\"event\":\"checkpoint\",\"step\":2,\"kind\":\"best\",\"select\":\"psnr_db\",\"psnr_db\":21.5}\n";
    append(log, head + stepLine(3, 2.0) + stepLine(4, 1.9));
    RunMonitor m(run);
    QSignalSpy updated(&m, &RunMonitor::updated);
    QTRY_COMPARE_WITH_TIMEOUT(m.history().losses["total"].steps.size(), 4, 5000);
    QCOMPARE(m.history().select, QString("psnr_db"));
    QCOMPARE(m.history().bestStep, 2L);
    QFile tmp(run + "/.new");
    QVERIFY(tmp.open(QIODevice::WriteOnly));
    tmp.write(head + "{\"event\":\"resume\",\"step\":2}\n");
    tmp.close();
    QVERIFY(::rename(QFile::encodeName(run + "/.new").constData(), QFile::encodeName(log).constData()) == 0);
    QTRY_COMPARE_WITH_TIMEOUT(m.history().losses["total"].steps.size(), 2, 5000);
    append(log, stepLine(3, 2.2));
    QTRY_COMPARE_WITH_TIMEOUT(m.history().losses["total"].values, QVector<double>({3.0, 2.5, 2.2}), 5000);
    QCOMPARE(m.history().bestStep, 2L);
    QCOMPARE(m.history().bestScore, 21.5);
    QCOMPARE(m.history().select, QString("psnr_db"));
  }

  void aKilledTrainerIsACrash() {
    const QString run = dir_.path() + "/killed";
    QVERIFY(QDir().mkpath(run));
    // A process that has ended: its pid no longer exists.
    const pid_t child = fork();
    if (child == 0) _exit(0);
    waitpid(child, nullptr, 0);
    writeRunJson(run, child);
    append(run + "/events.jsonl", "{\"event\":\"status\",\"state\":\"running\",\"step\":0}" "\n" + stepLine(1, 1.0));
    RunMonitor m(run);
    QSignalSpy state(&m, &RunMonitor::stateChanged);
    QVERIFY(state.wait(5000));
    QCOMPARE(int(m.state()), int(RunMonitor::State::Crashed));
    QCOMPARE(RunMonitor::stateText(m.state()), QString("crashed"));
  }

  void finishedAndDivergedRunsAreTold() {
    const QString run = dir_.path() + "/diverged";
    QVERIFY(QDir().mkpath(run));
    append(run + "/events.jsonl", "{\"event\":\"status\",\"state\":\"failed\",\"step\":3,\"message\":\"non-finite loss 'total' at step 3\"}" "\n");
    RunMonitor m(run);
    QSignalSpy state(&m, &RunMonitor::stateChanged);
    QVERIFY(state.wait(5000));
    QCOMPARE(int(m.state()), int(RunMonitor::State::Diverged));
  }

  void uiThreadStaysResponsiveUnderAFloodOfEvents() {
    const QString run = dir_.path() + "/flood";
    QVERIFY(QDir().mkpath(run));
    writeRunJson(run, ::getpid());
    RunMonitor m(run);
    // A writer thread appends 100 000 steps as fast as it can.
    std::thread writer([run] {
      QFile f(run + "/events.jsonl");
      if (!f.open(QIODevice::Append)) return;
      for (int s = 1; s <= 100000; ++s) {
        f.write(stepLine(s, 1.0 / s));
        if (s % 1000 == 0) f.flush();
      }
    });
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0, worst = 0;
    QTimer tick;
    connect(&tick, &QTimer::timeout, this, [&] {
      worst = std::max(worst, clock.elapsed() - last);
      last = clock.elapsed();
    });
    tick.start(5);
    while (m.history().losses.value("total").steps.size() < 100000 && clock.elapsed() < 60000) QTest::qWait(10);
    writer.join();
    tick.stop();
    QCOMPARE(m.history().losses["total"].steps.size(), 100000);
    QCOMPARE(m.history().losses["coarse"].values.last(), 0.5 / 100000);
    qInfo("100000 events followed in %lld ms; worst gap between 5 ms ticks: %lld ms", clock.elapsed(), worst);
    QVERIFY2(worst < 50, qPrintable(QString("the event loop stalled for %1 ms").arg(worst)));
  }
};

QTEST_MAIN(TestRunMonitor)
#include "test_RunMonitor.moc"
