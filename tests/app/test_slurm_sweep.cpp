// A real Slurm: a single-node cluster from Debian's slurm-wlm and munge (slurmctld + slurmd on
// this host, configured in a temporary folder, stopped afterwards) runs the emitted
// sweep.sbatch of a tiny sweep with a shared run; the results table comes out of it. Skipped,
// with the reason, where no such cluster can start (packages missing, not root).
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <signal.h>
#include <unistd.h>

#include "cli_support.h"
#include "tiss/util/process.h"

using testsupport::Run;
using testsupport::tissnet;

namespace {

QString findProgram(const QString& name) {
  const QString p = QStandardPaths::findExecutable(name);
  return p.isEmpty() ? QStandardPaths::findExecutable(name, {"/usr/sbin", "/sbin"}) : p;
}

QString readText(const QString& file) {
  QFile f(file);
  return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

bool writeText(const QString& file, const QString& text) {
  QFile f(file);
  return f.open(QIODevice::WriteOnly) && f.write(text.toUtf8()) == text.toUtf8().size();
}

// munged + slurmctld + slurmd, all configured under `dir`; stopped by the destructor.
class LocalSlurm {
 public:
  explicit LocalSlurm(const QString& dir) : dir_(dir) {}
  ~LocalSlurm() { stop(); }

  QString conf() const { return dir_ + "/slurm.conf"; }
  QProcessEnvironment env() const {
    auto e = QProcessEnvironment::systemEnvironment();
    e.insert("SLURM_CONF", conf());
    return e;
  }

  // "" when up, else why not.
  QString start() {
    for (const char* p : {"mungekey", "munged", "slurmctld", "slurmd", "sbatch", "sinfo", "scancel"})
      if (findProgram(p).isEmpty()) return QString("%1 is not installed (scripts/setup installs slurm-wlm and munge)").arg(p);
    if (::geteuid() != 0) return "slurmd runs jobs as their user only when started as root; this test runs as another user";
    QDir().mkpath(dir_ + "/state");
    QDir().mkpath(dir_ + "/spool");
    if (QProcess::execute(findProgram("mungekey"), {"-c", "-k", dir_ + "/munge.key"}) != 0) return "mungekey failed";
    if (QProcess::execute(findProgram("munged"), {"--force", "--key-file=" + dir_ + "/munge.key", "--socket=" + socket(),
                                                  "--pid-file=" + dir_ + "/munged.pid", "--log-file=" + dir_ + "/munged.log",
                                                  "--seed-file=" + dir_ + "/munged.seed"}) != 0)
      return "munged did not start: " + readText(dir_ + "/munged.log").right(500);
    mungeUp_ = true;
    if (!writeText(conf(), config())) return "cannot write slurm.conf";
    if (QProcess::execute(findProgram("slurmctld"), {"-i", "-f", conf()}) != 0)
      return "slurmctld did not start: " + readText(dir_ + "/slurmctld.log").right(800);
    if (QProcess::execute(findProgram("slurmd"), {"-f", conf()}) != 0)
      return "slurmd did not start: " + readText(dir_ + "/slurmd.log").right(800);
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 60000) {
      QProcess sinfo;
      sinfo.setProcessEnvironment(env());
      sinfo.start(findProgram("sinfo"), {"-h", "-o", "%T"});
      sinfo.waitForFinished();
      if (sinfo.readAllStandardOutput().trimmed() == "idle") return "";
      QTest::qWait(500);
    }
    return "the node never became idle: " + readText(dir_ + "/slurmctld.log").right(800);
  }

 private:
  QString socket() const { return dir_ + "/munge.socket"; }
  QString config() const {
    const QString host = QString::fromStdString(tiss::hostName());
    const int port = 20000 + int(::getpid() % 10000) * 2;  // two free-looking ports per test process
    QString c;
    c += "ClusterName=tisstest\nSlurmctldHost=" + host + "\nSlurmUser=root\nSlurmdUser=root\n";
    c += "AuthType=auth/munge\nCredType=cred/munge\nAuthInfo=socket=" + socket() + "\n";
    c += QString("SlurmctldPort=%1\nSlurmdPort=%2\n").arg(port).arg(port + 1);
    c += "StateSaveLocation=" + dir_ + "/state\nSlurmdSpoolDir=" + dir_ + "/spool\n";
    c += "SlurmctldPidFile=" + dir_ + "/slurmctld.pid\nSlurmdPidFile=" + dir_ + "/slurmd.pid\n";
    c += "SlurmctldLogFile=" + dir_ + "/slurmctld.log\nSlurmdLogFile=" + dir_ + "/slurmd.log\n";
    c += "ProctrackType=proctrack/linuxproc\nTaskPlugin=task/none\nJobAcctGatherType=jobacct_gather/none\n";
    c += "AccountingStorageType=accounting_storage/none\nJobCompType=jobcomp/none\nMpiDefault=none\n";
    c += "SelectType=select/cons_tres\nSelectTypeParameters=CR_Core\nReturnToService=2\n";
    c += QString("NodeName=%1 CPUs=%2 State=UNKNOWN\n").arg(host).arg(QThread::idealThreadCount());
    c += "PartitionName=test Nodes=" + host + " Default=YES MaxTime=INFINITE State=UP\n";
    return c;
  }
  void kill(const QString& pidFile) {
    const long pid = readText(pidFile).trimmed().toLong();
    if (pid > 1) ::kill(pid_t(pid), SIGTERM);
  }
  void stop() {
    QProcess scancel;  // nothing of the test's may outlive it
    scancel.setProcessEnvironment(env());
    scancel.start(findProgram("scancel"), {"--quiet", "-u", "root"});
    scancel.waitForFinished();
    kill(dir_ + "/slurmd.pid");
    kill(dir_ + "/slurmctld.pid");
    if (mungeUp_) QProcess::execute(findProgram("munged"), {"--stop", "--socket=" + socket()});
    QTest::qWait(500);
  }
  QString dir_;
  bool mungeUp_ = false;
};

QJsonObject readJson(const QString& file) { return QJsonDocument::fromJson(readText(file).toUtf8()).object(); }

}  // namespace

class TestSlurmSweep : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

 private Q_SLOTS:
  void anEmittedArrayRunsOnARealSlurmAndGivesTheTable() {
    LocalSlurm slurm(dir_.path() + "/slurm");
    if (const QString why = slurm.start(); !why.isEmpty()) QSKIP(qPrintable("no Slurm here: " + why));
    const QString data = dir_.path() + "/data";
    Run r = tissnet({"phantom", "--layout", "brats", "--cases", "8", "--size", "32x64x64", "--seed", "5", "--out", data});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    // A shared S_p and two TISS-Net trials built on it; a folder name sbatch and bash must quote.
    const QString spec = dir_.path() + "/spec.json";
    QVERIFY(writeText(spec, "{\"name\": \"on slurm\", \"data\": \"" + data + "\", \"threads_per_trial\": 1,"
                            " \"shared\": {\"sp\": [\"stage=sp\"]},"
                            " \"set\": [\"stage=tissnet\", \"runs.sp=@sp\", \"net.channels=[4,8,16,16,32]\", \"net.disc_channels=4\","
                            " \"data.patch=16x48x48\", \"optim.iterations_per_epoch=5\", \"optim.epochs_constant=1\","
                            " \"optim.epochs_decay=1\", \"validation.every=0\", \"checkpoint.every=5\"],"
                            " \"axes\": [{\"key\": \"loss.lambda_c\", \"values\": [0, 1]}]}"));
    const QString sweep = dir_.path() + "/it's a 100% sweep";
    r = tissnet({"sweep", "--spec", spec, "--out", sweep, "--emit-slurm", "--max-parallel", "2"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    // Handed to Slurm: a local queue refuses to start its jobs.
    r = tissnet({"sweep", "--out", sweep});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("Slurm"), qPrintable(r.err));
    QProcess sbatch;
    sbatch.setProcessEnvironment(slurm.env());
    sbatch.start(findProgram("sbatch"), {"--wait", sweep + "/sweep.sbatch"});
    QVERIFY(sbatch.waitForStarted());
    QVERIFY2(sbatch.waitForFinished(900000), "the array did not finish in 15 minutes");
    const QString out = sbatch.readAllStandardOutput() + sbatch.readAllStandardError();
    QVERIFY2(sbatch.exitCode() == 0, qPrintable(out + readText(sweep + "/trials/t000/trial.log").right(1500)));
    QVERIFY2(out.contains("Submitted batch job"), qPrintable(out));
    // Every task ran its job on the node, logged where the script said.
    const QStringList logs = QDir(sweep).entryList({"slurm-*_*.log"});
    QCOMPARE(logs.size(), 3);
    for (const char* job : {"shared/sp", "trials/t000", "trials/t001"}) {
      const QJsonObject s = readJson(sweep + "/" + QString(job) + "/trial.json");
      QCOMPARE(s["state"].toString(), QString("finished"));
      QCOMPARE(s["attempts"].toInt(), 1);
    }
    const QString table = dir_.path() + "/table.csv";
    r = tissnet({"sweep", "--out", sweep, "--export-table", table});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QStringList rows = readText(table).trimmed().split('\n');
    QCOMPARE(rows.size(), 3);  // header + the two trials
    QVERIFY(rows[1].startsWith("loss.lambda_c=0") && rows[2].startsWith("loss.lambda_c=1"));
    QVERIFY2(rows[0].contains("dice_pct"), qPrintable(rows[0]));

    // A data-parallel trial: two tasks started by srun from the emitted script train one run
    // together (rank 0 also infers and evaluates).
    const QString spec2 = dir_.path() + "/spec2.json";
    QVERIFY(writeText(spec2, "{\"name\": \"two tasks\", \"data\": \"" + data + "\", \"threads_per_trial\": 1,"
                             " \"set\": [\"stage=seg-source\", \"net.channels=[4,8,16,16,32]\", \"data.patch=16x48x48\","
                             " \"optim.iterations_per_epoch=6\", \"optim.epochs_constant=1\", \"optim.epochs_decay=0\","
                             " \"validation.every=0\", \"checkpoint.every=3\"],"
                             " \"axes\": [{\"key\": \"seed\", \"values\": [1]}]}"));
    const QString sweep2 = dir_.path() + "/ranks";
    r = tissnet({"sweep", "--spec", spec2, "--out", sweep2, "--emit-slurm", "--ntasks-per-node", "2"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QString script = readText(sweep2 + "/sweep.sbatch");
    QVERIFY2(script.contains("#SBATCH --ntasks-per-node=2") && script.contains("exec srun "), qPrintable(script));
    QProcess sbatch2;
    sbatch2.setProcessEnvironment(slurm.env());
    sbatch2.start(findProgram("sbatch"), {"--wait", sweep2 + "/sweep.sbatch"});
    QVERIFY(sbatch2.waitForStarted());
    QVERIFY2(sbatch2.waitForFinished(600000), "the two-task trial did not finish in 10 minutes");
    const QString trialLog = readText(sweep2 + "/trials/t000/trial.log").right(1500);
    QVERIFY2(sbatch2.exitCode() == 0, qPrintable(sbatch2.readAllStandardError() + trialLog));
    QCOMPARE(readJson(sweep2 + "/trials/t000/trial.json")["state"].toString(), QString("finished"));
    const QJsonObject info = readJson(sweep2 + "/trials/t000/run.json");
    QCOMPARE(info["world_size"].toInt(), 2);
    QCOMPARE(info["launcher"].toString(), QString("slurm"));
    QCOMPARE(info["backend"].toString(), QString("gloo"));
  }
};

QTEST_GUILESS_MAIN(TestSlurmSweep)
#include "test_slurm_sweep.moc"
