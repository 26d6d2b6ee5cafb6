// The sweep folder: creation and reopening, trial states, pause and requests, the Slurm
// script, and the results read back from per-case metric files (table, seeds, plots, index).
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include <filesystem>
#include <fstream>

#include "tiss/sweep/sweep_results.h"

using namespace tiss;

namespace {

SweepSpec gridSpec(const std::string& data) {
  auto s = sweepSpecFromJson("{\"name\": \"grid\", \"axes\": [{\"key\": \"loss.lambda_c\", \"values\": [0, 1]},"
                             " {\"key\": \"loss.lambda_s\", \"values\": [1, 25]}], \"seeds\": [1, 2]}", "spec");
  if (!s) qFatal("%s", s.error().describe().c_str());
  s->data = data;
  return *s;
}

// Marks a job finished with the given per-case Dice values.
void finish(const SweepFolder& f, const SweepJob& job, const std::vector<double>& dice) {
  CaseMetrics m;
  for (size_t i = 0; i < dice.size(); ++i) m["case" + std::to_string(i)] = {{"dice_pct", dice[i]}, {"hd95_mm", 10 - dice[i] / 10}};
  std::filesystem::create_directories(f.jobDir(job));
  std::ofstream(f.metricsFile(job)) << metricsCsv(m);
  TrialState s;
  s.state = "finished";
  writeTrialState(f, job, s);
}

// A finished trial that did record its ranking metric.
void finishWithMetric(const SweepFolder& f, const SweepJob& job, double metric) {
  finish(f, job, {metric});
  TrialState s;
  s.state = "finished";
  s.metric = metric;
  writeTrialState(f, job, s);
}

}  // namespace

class TestSweepFolder : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::string root(const char* name) { return (dir_.path() + "/" + name).toStdString(); }

 private slots:
  void createsReopensAndRefusesAnotherSweep() {
    auto f = SweepFolder::create(root("a"), gridSpec("/data"));
    QVERIFY(f.ok());
    QCOMPARE(f->jobs.size(), size_t(8));
    auto spec = gridSpec("/data");
    spec.maxParallel = 4;  // how it runs may change
    auto again = SweepFolder::create(root("a"), spec);
    QVERIFY(again.ok());  // the same sweep continues
    QCOMPARE(again->spec.maxParallel, 1);  // as stored; the queue takes --max-parallel itself
    auto other = SweepFolder::create(root("a"), gridSpec("/elsewhere"));
    QVERIFY(!other.ok());
    QVERIFY(other.error().describe().find("already holds a different sweep") != std::string::npos);
    auto opened = SweepFolder::open(root("a"));
    QVERIFY(opened.ok());
    QCOMPARE(opened->jobs[5].label, f->jobs[5].label);
    QCOMPARE(opened->jobs[5].numbers, f->jobs[5].numbers);
    QVERIFY(!SweepFolder::open(root("nothing")).ok());
  }

  void statesPauseAndRequests() {
    auto f = SweepFolder::create(root("b"), gridSpec("/data"));
    QVERIFY(f.ok());
    QCOMPARE(readTrialState(*f, f->jobs[0]).state, std::string("queued"));
    TrialState s;
    s.state = "failed";
    s.message = "disk full";
    s.attempts = 2;
    QVERIFY(writeTrialState(*f, f->jobs[0], s).ok());
    QCOMPARE(readTrialState(*f, f->jobs[0]).message, std::string("disk full"));
    QCOMPARE(readTrialState(*f, f->jobs[0]).attempts, 2);
    QVERIFY(!isPaused(*f));
    QVERIFY(setPaused(*f, true).ok() && isPaused(*f));
    QVERIFY(setPaused(*f, false).ok() && !isPaused(*f));
    QVERIFY(request(*f, "retry", "t000").ok());
    QVERIFY(!request(*f, "retry", "t999").ok());
    QVERIFY(!request(*f, "explode", "t000").ok());
    QCOMPARE(std::distance(std::filesystem::directory_iterator(f->requestDir()), {}), 1L);
    QVERIFY(!readScheduler(*f).alive);
  }

  void slurmScriptNamesEveryTrialAndPassesBashN() {
    auto spec = gridSpec("/data");
    spec.shared = {{"sp", {"stage=sp"}}};
    spec.set = {"runs.sp=@sp"};
    spec.threadsPerTrial = 4;
    auto f = SweepFolder::create(root("it's slurm"), spec);
    QVERIFY(f.ok());
    QCOMPARE(f->jobs.size(), size_t(9));
    const auto made = slurmScript(*f, "/opt/tiss/bin/tissnet", 3, "--gres=gpu:1");
    QVERIFY(made.ok());
    const std::string script = *made;
    const QString s = QString::fromStdString(script);
    QVERIFY2(s.contains("#SBATCH --array=0-8%3\n"), qPrintable(s));
    QVERIFY(s.contains("#SBATCH --cpus-per-task=4\n"));
    QVERIFY(s.contains("#SBATCH --gres=gpu:1\n"));
    QVERIFY(s.contains("JOBS=('sp' 't000' 't001' 't002' 't003' 't004' 't005' 't006' 't007')"));
    for (size_t i = 0; i < f->jobs.size(); ++i)
      QVERIFY(s.contains(QString("#   %1  %2  %3").arg(i).arg(QString::fromStdString(f->jobs[i].id),
                                                             QString::fromStdString(f->jobs[i].label))));
    QVERIFY(s.contains("SLURM_ARRAY_TASK_ID"));
    QVERIFY(s.contains("--wait"));
    const QString file = dir_.path() + "/sweep.sbatch";
    std::ofstream(file.toStdString()) << script;
    QProcess bash;
    bash.start("bash", {"-n", file});
    QVERIFY(bash.waitForFinished());
    QCOMPARE(bash.exitCode(), 0);
    // Run as array task 4, it names job t003 (dry run: tissnet replaced by echo).
    QString dry = s;
    dry.replace("exec '/opt/tiss/bin/tissnet'", "echo");
    std::ofstream((file + ".dry").toStdString()) << dry.toStdString();
    QProcess task;
    task.setProcessEnvironment([] { auto e = QProcessEnvironment::systemEnvironment(); e.insert("SLURM_ARRAY_TASK_ID", "4"); return e; }());
    task.start("bash", {file + ".dry"});
    QVERIFY(task.waitForFinished());
    QVERIFY2(task.readAllStandardOutput().contains("--trial t003 --wait"), "task 4 runs t003");
  }

  void slurmScriptQuotesWhatUsersTypeAndRefusesLineBreaks() {
    // A folder with spaces, quotes, % and a backslash, and a spec name with a newline: the
    // #SBATCH values are double-quoted with escapes (% doubled in the log pattern), the bash
    // words single-quoted; bash still parses the script. A line break in the folder cannot be
    // named by any script: refused.
    auto spec = gridSpec("/data");
    spec.name = "my \"grid\"\nsecond line";
    auto f = SweepFolder::create(root("100% \"odd\" \\ it's"), spec);
    QVERIFY(f.ok());
    const auto made = slurmScript(*f, "/opt/my tools/tissnet", 0);
    QVERIFY(made.ok());
    const QString s = QString::fromStdString(*made);
    const QString folder = QString::fromStdString(f->root);
    QString escaped = folder;
    escaped.replace("\\", "\\\\").replace("\"", "\\\"").replace("%", "%%");
    QVERIFY2(s.contains("#SBATCH --output=\"" + escaped + "/slurm-%A_%a.log\"\n"), qPrintable(s));
    QVERIFY2(s.contains("#SBATCH --job-name=\"tissnet-my \\\"grid\\\" second line\"\n"), qPrintable(s));
    QVERIFY(s.contains("exec '/opt/my tools/tissnet' sweep-trial --out '"));
    const QString file = dir_.path() + "/odd.sbatch";
    std::ofstream(file.toStdString()) << *made;
    QProcess bash;
    bash.start("bash", {"-n", file});
    QVERIFY(bash.waitForFinished());
    QCOMPARE(bash.exitCode(), 0);
    auto broken = *f;
    broken.root += "\nrm -rf ~";
    const auto refused = slurmScript(broken, "/opt/tiss/bin/tissnet", 0);
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.find("line break") != std::string::npos);
  }

  void tableEqualsThePerCaseMetricsAveragedOverSeeds() {
    auto f = SweepFolder::create(root("c"), gridSpec("/data"));
    QVERIFY(f.ok());
    // Point lambda_c=0, lambda_s=1: seeds give 80/70 and 60/50 -> per case 70 and 60.
    finish(*f, f->jobs[0], {80, 70});
    finish(*f, f->jobs[1], {60, 50});
    finish(*f, f->jobs[2], {90, 80});
    auto s = readSweep(f->root);
    QVERIFY(s.ok());
    QCOMPARE(s->count("finished"), 3);
    QCOMPARE(s->count("queued"), 5);
    const auto points = sweepPoints(*s);
    QCOMPARE(points.size(), size_t(2));
    QCOMPARE(points[0].name, std::string("loss.lambda_c=0, loss.lambda_s=1"));
    QCOMPARE(points[0].cases.at("case0").at("dice_pct"), 70.0);
    QCOMPARE(points[0].cases.at("case1").at("dice_pct"), 60.0);
    // The spread between seeds apart: seed 1's cases mean 75, seed 2's 55.
    QCOMPARE(points[0].seedMeans.at("dice_pct"), (std::vector<double>{75.0, 55.0}));
    QVERIFY(points[1].seedMeans.empty());  // one seed finished so far
    const ResultsTable t = sweepTable(*s);
    QCOMPARE(t.cells[0][0].seeds.n, size_t(2));
    QCOMPARE(t.rows.size(), size_t(2));
    QCOMPARE(t.cells[0][0].summary.mean, 65.0);
    QCOMPARE(t.cells[1][0].summary.mean, 85.0);
    QVERIFY(t.cells[1][0].best);
    QCOMPARE(t.columns[1].key, std::string("hd95_mm"));
  }

  void progressComesFromTheEventLog() {
    auto f = SweepFolder::create(root("g"), gridSpec("/data"));
    QVERIFY(f.ok());
    const std::string run = f->jobDir(f->jobs[0]);
    std::filesystem::create_directories(run);
    std::ofstream(run + "/config.json") << "{\"optim\": {\"epochs_constant\": 1, \"epochs_decay\": 1, \"iterations_per_epoch\": 50}}";
    std::ofstream(run + "/status.json") << "{\"state\": \"running\", \"step\": 0}";
    std::ofstream events(run + "/events.jsonl");
    for (int s = 1; s <= 25; ++s) events << "{\"event\":\"step\",\"step\":" << s << ",\"losses\":{\"total\":1}}\n";
    events << "{\"event\":\"checkpoint\",\"step\":25}\n";
    events.close();
    TrialState s;
    s.state = "running";
    s.phase = "train";
    writeTrialState(*f, f->jobs[0], s);
    auto sweep = readSweep(f->root, false);
    QVERIFY(sweep.ok());
    QCOMPARE(sweep->trials[0].step, 25L);
    QCOMPARE(sweep->trials[0].totalSteps, 100L);
    QCOMPARE(sweep->trials[0].progress(), 0.9 * 0.25);  // training is 90 % of a trial
  }

  void indexIsReusedAndRefreshed() {
    auto f = SweepFolder::create(root("d"), gridSpec("/data"));
    QVERIFY(f.ok());
    finish(*f, f->jobs[0], {80, 70});
    QVERIFY(readSweep(f->root).ok());
    QVERIFY(std::filesystem::exists(f->indexFile()));
    // A changed metrics file (another size) is read again, not taken from the index.
    finish(*f, f->jobs[0], {10, 20, 30});
    auto s = readSweep(f->root);
    QCOMPARE(s->trials[0].cases.size(), size_t(3));
    // A corrupt metrics file is named, not fatal.
    std::ofstream(f->metricsFile(f->jobs[0])) << "garbage";
    s = readSweep(f->root);
    QVERIFY(s.ok());
    QVERIFY(s->trials[0].metricsError.find("metrics.csv") != std::string::npos);
  }

  void seriesAndHeatMap() {
    auto f = SweepFolder::create(root("e"), gridSpec("/data"));
    QVERIFY(f.ok());
    // Dice by lambda_c: 0 -> trials 0-3, 1 -> trials 4-7.
    for (size_t i = 0; i < 8; ++i) finish(*f, f->jobs[i], {double(i), double(i) + 2});
    auto s = readSweep(f->root);
    const auto series = metricSeries(*s, "loss.lambda_c", "dice_pct");
    QCOMPARE(series.size(), size_t(2));
    QCOMPARE(series[0].x, 0.0);
    // lambda_c = 0: per case means over trials 0-3: case0 1.5, case1 3.5 -> mean 2.5, sd sqrt(2).
    QCOMPARE(series[0].summary.mean, 2.5);
    QVERIFY(qAbs(series[0].summary.sd - std::sqrt(2.0)) < 1e-12);
    QCOMPARE(series[1].summary.mean, 6.5);
    const HeatMap h = metricHeatMap(*s, "loss.lambda_c", "loss.lambda_s", "dice_pct");
    QCOMPARE(h.xs, (std::vector<std::string>{"0", "1"}));
    QCOMPARE(h.ys, (std::vector<std::string>{"1", "25"}));
    // lambda_c=1, lambda_s=25: trials 6 and 7 -> cases (6+7)/2 = 6.5 and 8.5 -> 7.5.
    QCOMPARE(h.mean[1][1], 7.5);
    // The ranking metric comes from trial.json, where none was recorded here: n/a never ranks.
    QVERIFY(!s->best());
  }

  void missingMetricIsNotAvailableAndNeverBest() {
    auto f = SweepFolder::create(root("na"), gridSpec("/data"));
    QVERIFY(f.ok());
    finish(*f, f->jobs[0], {99});             // no metric recorded: n/a, not 0
    finishWithMetric(*f, f->jobs[1], 40);
    finishWithMetric(*f, f->jobs[2], 60);
    auto s = readSweep(f->root);
    QVERIFY(std::isnan(s->trials[0].state.metric));
    QCOMPARE(s->best()->job.id, f->jobs[2].id);  // dice_pct: higher is better
  }

  void oneAtATimeSeriesKeepTheOthersAtTheBase() {
    auto fig6 = sweepPreset("fig6");
    fig6->data = "/data";
    auto f = SweepFolder::create(root("f"), *fig6);
    QVERIFY(f.ok());
    for (const auto& job : f->jobs)
      if (!job.shared) finish(*f, job, {job.numbers.at("loss.lambda_p") + job.numbers.at("loss.lambda_c")});
    auto s = readSweep(f->root);
    const auto p = metricSeries(*s, "loss.lambda_p", "dice_pct");
    QCOMPARE(p.size(), size_t(5));
    QCOMPARE(p[0].x, 0.0);
    QCOMPARE(p[0].summary.mean, 1.0);   // lambda_p 0 with lambda_c at its base 1
    QCOMPARE(p[3].summary.mean, 26.0);  // the centre
    const auto c = metricSeries(*s, "loss.lambda_c", "dice_pct");
    QCOMPARE(c.size(), size_t(5));
    QCOMPARE(c[1].x, 0.5);
    QCOMPARE(c[1].summary.mean, 25.5);
  }
};

QTEST_APPLESS_MAIN(TestSweepFolder)
#include "test_sweep_folder.moc"
