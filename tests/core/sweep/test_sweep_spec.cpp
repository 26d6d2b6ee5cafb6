// Sweep specs: parsing of values, ranges, log ranges and random samples; expansion into
// jobs (grid, one at a time, seeds, shared runs); the built-in presets.
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <fstream>

#include "tiss/sweep/sweep.h"

using namespace tiss;

namespace {

SweepSpec parse(const std::string& text) {
  auto s = sweepSpecFromJson(text, "spec.json");
  if (!s) qFatal("%s", s.error().describe().c_str());
  return *s;
}

std::vector<SweepJob> expand(const SweepSpec& s) {
  auto jobs = expandSweep(s);
  if (!jobs) qFatal("%s", jobs.error().describe().c_str());
  return *jobs;
}

}  // namespace

class TestSweepSpec : public QObject {
  Q_OBJECT
 private slots:
  void rangesBecomeExplicitValues() {
    const SweepSpec s = parse(
        "{\"axes\": [{\"key\": \"loss.lambda_c\", \"range\": {\"from\": 0, \"to\": 2, \"steps\": 5}},"
        " {\"key\": \"optim.lr\", \"log\": {\"from\": 0.0001, \"to\": 0.01, \"steps\": 3}},"
        " {\"key\": \"loss.alpha_t\", \"random\": {\"from\": 100, \"to\": 300, \"count\": 4, \"seed\": 7}}]}");
    QCOMPARE(s.axes.size(), size_t(3));
    QStringList names;
    for (const auto& v : s.axes[0].values) names << QString::fromStdString(v.name);
    QCOMPARE(names, QStringList({"0", "0.5", "1", "1.5", "2"}));
    QCOMPARE(s.axes[1].values[1].name, std::string("0.001"));  // the geometric middle
    QCOMPARE(s.axes[1].values[1].set[0], std::string("optim.lr=0.001"));
    QCOMPARE(s.axes[2].values.size(), size_t(4));
    for (const auto& v : s.axes[2].values) QVERIFY(v.number >= 100 && v.number <= 300);
    // The same seed draws the same samples: a spec means one sweep.
    const SweepSpec again = parse(toJson(s));
    QCOMPARE(again.axes[2].values[3].name, s.axes[2].values[3].name);
  }

  void gridTimesSeedsInOrder() {
    SweepSpec s = parse("{\"axes\": [{\"key\": \"loss.lambda_c\", \"values\": [0, 1]},"
                        " {\"key\": \"loss.lambda_s\", \"values\": [1, 25]}], \"seeds\": [3, 4]}");
    const auto jobs = expand(s);
    QCOMPARE(jobs.size(), size_t(8));
    QCOMPARE(jobs[0].id, std::string("t000"));
    QCOMPARE(jobs[0].label, std::string("loss.lambda_c=0, loss.lambda_s=1, seed 3"));
    QCOMPARE(jobs[1].label, std::string("loss.lambda_c=0, loss.lambda_s=1, seed 4"));
    QCOMPARE(jobs[2].point, std::string("loss.lambda_c=0, loss.lambda_s=25"));
    QCOMPARE(jobs[7].id, std::string("t007"));
    QVERIFY(std::find(jobs[7].set.begin(), jobs[7].set.end(), "seed=4") != jobs[7].set.end());
    QCOMPARE(jobs[5].numbers.at("loss.lambda_c"), 1.0);
    QCOMPARE(jobs[5].params.at("loss.lambda_s"), std::string("1"));
  }

  void oneAtATimeListsTheCentreOnce() {
    auto fig6 = sweepPreset("fig6");
    QVERIFY(fig6.ok());
    const auto jobs = expand(*fig6);
    // S_p, then 5 + 5 + 5 values with the centre 25 / 1 / 25 reached three times: 13 points.
    QCOMPARE(jobs.size(), size_t(14));
    QVERIFY(jobs[0].shared);
    QCOMPARE(jobs[0].id, std::string("sp"));
    int base = 0;
    for (size_t i = 1; i < jobs.size(); ++i) {
      QCOMPARE(jobs[i].after, std::vector<std::string>{"sp"});
      base += jobs[i].point == "base";
      // Every trial knows its value of every axis: the plots need them.
      QCOMPARE(jobs[i].numbers.size(), size_t(3));
    }
    QCOMPARE(base, 1);
    QCOMPARE(fig6->split, std::string("val"));
  }

  void presetsExpandAndNameTheirBaseline() {
    for (const auto& name : sweepPresetNames()) {
      auto spec = sweepPreset(name);
      QVERIFY(spec.ok());
      const auto jobs = expand(*spec);
      bool found = false;
      for (const auto& j : jobs) found = found || j.point == spec->baseline;
      QVERIFY2(found, name.c_str());
    }
    const auto table2 = expand(*sweepPreset("table2"));
    QCOMPARE(table2.size(), size_t(1 + 16));
    const auto table3 = expand(*sweepPreset("table3"));
    QCOMPARE(table3.size(), size_t(2 + 3));
    QCOMPARE(table3[2].from, std::string("tissnet"));
    QCOMPARE(table3[1].after, std::vector<std::string>{"sp"});  // the shared TISS-Net needs S_p
    const auto table4 = expand(*sweepPreset("table4"));
    QCOMPARE(table4.back().label, std::string("TISS-Net"));
  }

  void mistakesAreNamed() {
    auto bad = sweepSpecFromJson("{\"axis\": []}", "my.json");
    QVERIFY(!bad.ok());
    QVERIFY(bad.error().describe().find("my.json: unknown key 'axis'") != std::string::npos);
    QVERIFY(!sweepSpecFromJson("{\"metric\": \"dice\"}", "m.json").ok());
    QVERIFY(!sweepSpecFromJson("{\"axes\": [{\"key\": \"optim.lr\", \"log\": {\"from\": 0, \"to\": 1, \"steps\": 3}}]}", "l.json").ok());
    // A bad key in an axis fails at expansion, naming the trial.
    auto typo = expandSweep(parse("{\"axes\": [{\"key\": \"loss.lambda_q\", \"values\": [1]}]}"));
    QVERIFY(!typo.ok());
    QVERIFY2(typo.error().describe().find("trial loss.lambda_q=1") != std::string::npos, typo.error().describe().c_str());
    auto ref = expandSweep(parse("{\"set\": [\"runs.sp=@nope\"]}"));
    QVERIFY(!ref.ok());
    QVERIFY(ref.error().describe().find("no shared run") != std::string::npos);
    // Absurd sizes are refused before anything is built.
    QVERIFY(!sweepSpecFromJson("{\"axes\": [{\"key\": \"optim.lr\", \"range\": {\"from\": 0, \"to\": 1, \"steps\": 1000000000}}]}", "s.json").ok());
    auto huge = expandSweep(parse("{\"axes\": [{\"key\": \"loss.lambda_c\", \"range\": {\"from\": 0, \"to\": 1, \"steps\": 1000}},"
                                  " {\"key\": \"loss.lambda_s\", \"range\": {\"from\": 0, \"to\": 1, \"steps\": 1000}}]}"));
    QVERIFY(!huge.ok());
    QVERIFY2(huge.error().describe().find("expands to 1000000 trials") != std::string::npos, huge.error().describe().c_str());
    QTemporaryDir dir;
    QVERIFY(!loadSweepSpec((dir.path() + "/missing.json").toStdString()).ok());
  }

  void metricColumnsHaveUnitsAndDirections() {
    QCOMPARE(findMetric("dice_pct")->title, std::string("Dice (%)"));
    QVERIFY(findMetric("dice_pct")->higherIsBetter);
    QVERIFY(!findMetric("hd95_mm")->higherIsBetter);
    QCOMPARE(findMetric("assd_mm")->title, std::string("ASSD (mm)"));
    QVERIFY(findMetric("perc_dice_pct"));
    QVERIFY(!findMetric("nope"));
  }

  // "folds": K or a list: each point x seed once per fold, data.fold set, labelled; the
  // paper presets keep the paper's statistics, a spec may choose its own.
  void foldsAndStatistics() {
    const SweepSpec s = parse("{\"axes\": [{\"key\": \"loss.lambda_c\", \"values\": [0, 1]}], \"seeds\": [1, 2], \"folds\": 3,"
                              " \"statistics\": {\"test\": \"wilcoxon\", \"correction\": \"bonferroni\"}}");
    QCOMPARE(s.folds, (std::vector<int>{0, 1, 2}));
    QCOMPARE(s.test, std::string("wilcoxon"));
    QCOMPARE(s.correction, std::string("bonferroni"));
    const auto jobs = expand(s);
    QCOMPARE(jobs.size(), size_t(2 * 2 * 3));
    QCOMPARE(jobs[4].fold, 1);
    QVERIFY(std::count(jobs[4].set.begin(), jobs[4].set.end(), "data.fold=1"));
    QVERIFY2(jobs[4].label.find("fold 1") != std::string::npos, jobs[4].label.c_str());
    QCOMPARE(jobs[4].point, jobs[5].point);  // folds of one point are one row
    QCOMPARE(parse(toJson(s)).folds, s.folds);
    QCOMPARE(parse("{\"folds\": [0, 2]}").folds, (std::vector<int>{0, 2}));
    for (const char* bad : {"{\"folds\": 1}", "{\"folds\": [-1]}", "{\"folds\": \"five\"}", "{\"statistics\": {\"test\": \"anova\"}}"})
      QVERIFY2(!sweepSpecFromJson(bad, "spec.json").ok(), bad);
    auto fig6 = sweepPreset("fig6");
    QVERIFY(fig6.ok() && fig6->paperConvention && fig6->correction == "none");
    QVERIFY(!parse("{}").paperConvention);
  }

  // With folds a shared run (S_p) is trained once per fold, on that fold's training cases, and
  // each trial waits for and uses its own fold's copy: no S_p has seen a fold's val cases.
  void sharedRunsArePerFold() {
    auto fig6 = sweepPreset("fig6");
    QVERIFY(fig6.ok());
    fig6->folds = {0, 1, 2};
    const auto jobs = expand(*fig6);
    std::vector<SweepJob> shared;
    for (const auto& j : jobs)
      if (j.shared) shared.push_back(j);
    QCOMPARE(shared.size(), size_t(3));
    for (int k = 0; k < 3; ++k) {
      QCOMPARE(shared[size_t(k)].id, "sp-fold" + std::to_string(k));
      QVERIFY(std::count(shared[size_t(k)].set.begin(), shared[size_t(k)].set.end(), "data.fold=" + std::to_string(k)));
    }
    QCOMPARE(jobs.size(), size_t(3 + 13 * 3));
    QCOMPARE(jobs[3].id, std::string("t000"));  // trial ids count trials only
    for (const auto& j : jobs) {
      if (j.shared) continue;
      const std::string mine = "sp-fold" + std::to_string(j.fold);
      QVERIFY2(std::count(j.set.begin(), j.set.end(), "runs.sp=@" + mine), j.label.c_str());
      QCOMPARE(j.after, std::vector<std::string>{mine});
    }
  }
};

QTEST_APPLESS_MAIN(TestSweepSpec)
#include "test_sweep_spec.moc"
