// Event lines become curves: every loss term, validation, learning rate, progress, status,
// previews; a resume replaces the redone steps; torn or foreign lines are counted, not fatal.
#include <QTest>

#include "training/RunHistory.h"

using namespace tiss::ui;

class TestRunHistory : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void stepsBecomeCurves() {
    RunHistory h;
    h.apply("{\"event\":\"status\",\"state\":\"running\",\"step\":0,\"message\":\"\"}");
    h.apply("{\"event\":\"step\",\"step\":1,\"total\":4,\"epoch\":0,\"lr\":0.001,\"losses\":{\"total\":2.5,\"coarse\":0.9},\"it_per_s\":1.5,\"eta_s\":2}");
    h.apply("{\"event\":\"step\",\"step\":2,\"total\":4,\"epoch\":0,\"lr\":0.001,\"losses\":{\"total\":2.0,\"coarse\":0.8},\"it_per_s\":1.6,\"eta_s\":1.2}");
    h.apply("{\"event\":\"validation\",\"step\":2,\"dice_pct\":71.5,\"psnr_db\":22.5,\"cases\":1}");
    h.apply("{\"event\":\"preview\",\"step\":2,\"file\":\"previews/step_2.png\",\"case\":\"BraTS20_001\"}");
    QCOMPARE(h.lossTerms(), QStringList({"total", "coarse"}));
    QCOMPARE(h.losses["total"].values, QVector<double>({2.5, 2.0}));
    QCOMPARE(h.losses["coarse"].steps, QVector<double>({1, 2}));
    QCOMPARE(h.validation["dice_pct"].values, QVector<double>({71.5}));
    QCOMPARE(h.validation["psnr_db"].steps, QVector<double>({2}));
    QCOMPARE(h.learningRate.values, QVector<double>({0.001, 0.001}));
    QCOMPARE(h.progress.step, 2L);
    QCOMPARE(h.progress.total, 4L);
    QCOMPARE(h.progress.itPerS, 1.6);
    QCOMPARE(h.state, QString("running"));
    QCOMPARE(h.previews, QStringList({"previews/step_2.png"}));
    QCOMPARE(h.previewCases, QStringList({"BraTS20_001"}));
    QVERIFY(h.progress.rankItPerS.isEmpty());  // one process
    // A data-parallel run: each rank's speed and the gradients all-reduced per step.
    h.apply("{\"event\":\"step\",\"step\":3,\"total\":4,\"epoch\":0,\"lr\":0.001,\"losses\":{\"total\":1.9},\"it_per_s\":1.4,"
            "\"eta_s\":0.7,\"rank_it_per_s\":[1.4,1.35],\"allreduce_mb\":0.75}");
    QCOMPARE(h.progress.rankItPerS, QVector<double>({1.4, 1.35}));
    QCOMPARE(h.progress.allreduceMb, 0.75);
  }

  void resumeReplacesTheRedoneSteps() {
    RunHistory h;
    for (int s = 1; s <= 5; ++s)
      h.apply(QString("{\"event\":\"step\",\"step\":%1,\"losses\":{\"total\":%2}}").arg(s).arg(10 - s).toUtf8());
    h.apply("{\"event\":\"resume\",\"step\":3}");
    h.apply("{\"event\":\"step\",\"step\":4,\"losses\":{\"total\":0.5}}");
    QCOMPARE(h.losses["total"].steps, QVector<double>({1, 2, 3, 4}));
    QCOMPARE(h.losses["total"].values, QVector<double>({9, 8, 7, 0.5}));
  }

  void gradientNormsBecomeOneSeriesPerPartAndSource() {
    RunHistory h;
    h.apply("{\"event\":\"gradients\",\"step\":25,\"norms\":{\"coarse_decoder/from_coarse\":0.0014,"
            "\"coarse_decoder/from_segmentor\":0.0,\"encoder/from_synthesis\":56.9,\"bad\":3}}");
    h.apply("{\"event\":\"gradients\",\"step\":50,\"norms\":{\"coarse_decoder/from_coarse\":0.002,"
            "\"coarse_decoder/from_segmentor\":1.5,\"encoder/from_synthesis\":40.0}}");
    h.apply("{\"event\":\"gradients\",\"norms\":{\"encoder/from_synthesis\":1}}");  // no step: skipped
    QCOMPARE(h.gradientParts(), QStringList({"coarse_decoder", "encoder"}));
    QCOMPARE(h.gradientSources("coarse_decoder"), QStringList({"from_coarse", "from_segmentor"}));
    QCOMPARE(h.gradients["coarse_decoder/from_segmentor"].steps, QVector<double>({25, 50}));
    QCOMPARE(h.gradients["coarse_decoder/from_segmentor"].values, QVector<double>({0.0, 1.5}));
    QCOMPARE(h.gradients["encoder/from_synthesis"].values, QVector<double>({56.9, 40.0}));
    QVERIFY(!h.gradients.contains("bad"));
    QCOMPARE(h.badLines, 1L);
  }

  void badLinesAreCountedAndSkipped() {
    RunHistory h;
    h.apply("{\"event\":\"step\",\"step\":1,\"losses\":{\"total\":1}}");
    h.apply("{\"event\":\"step\",\"st");  // a line torn by a kill
    h.apply("not json at all");
    h.apply("{\"event\":\"step\",\"losses\":{\"total\":5}}");  // no step: must not wipe the curve
    h.apply("{\"event\":\"validation\",\"step\":\"two\",\"dice_pct\":50}");
    h.apply("{\"event\":\"future_event\",\"x\":1}");
    h.apply("{\"event\":\"status\",\"state\":\"failed\",\"message\":\"non-finite loss 'total' at step 1\"}");
    QCOMPARE(h.badLines, 4L);
    QCOMPARE(h.losses["total"].values, QVector<double>({1}));
    QVERIFY(h.validation.isEmpty());
    QCOMPARE(h.state, QString("failed"));
    QVERIFY(h.message.contains("non-finite"));
  }
};

QTEST_GUILESS_MAIN(TestRunHistory)
#include "test_RunHistory.moc"
