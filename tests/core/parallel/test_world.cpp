// Where a process stands among data-parallel ranks, from torchrun's, Slurm's and --nproc's
// variables; malformed ones are named.
#include <QTest>

#include "tiss/parallel/world.h"

using namespace tiss;

class TestWorld : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void aloneWithoutALauncher() {
    auto w = worldFromEnvironment({{"HOME", "/root"}});
    QVERIFY(w.ok());
    QCOMPARE(w->size, 1);
    QCOMPARE(w->launcher, std::string("single"));
    QVERIFY(!w->distributed());
  }

  void torchrunVariables() {
    auto w = worldFromEnvironment({{"RANK", "3"}, {"WORLD_SIZE", "8"}, {"LOCAL_RANK", "1"}, {"MASTER_ADDR", "node7"}, {"MASTER_PORT", "29600"}});
    QVERIFY(w.ok());
    QCOMPARE(w->rank, 3);
    QCOMPARE(w->size, 8);
    QCOMPARE(w->localRank, 1);
    QCOMPARE(w->masterAddr, std::string("node7"));
    QCOMPARE(w->masterPort, 29600);
    QCOMPARE(w->launcher, std::string("torchrun"));
    auto noAddr = worldFromEnvironment({{"RANK", "0"}, {"WORLD_SIZE", "2"}});
    QVERIFY(!noAddr.ok());
    QCOMPARE(noAddr.error().file, std::string("MASTER_ADDR"));
    auto bad = worldFromEnvironment({{"RANK", "two"}, {"WORLD_SIZE", "2"}, {"MASTER_ADDR", "h"}});
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().file, std::string("RANK"));
    auto outside = worldFromEnvironment({{"RANK", "2"}, {"WORLD_SIZE", "2"}, {"MASTER_ADDR", "h"}});
    QVERIFY(!outside.ok());
  }

  void nprocUsesAFileStore() {
    auto w = worldFromEnvironment({{"RANK", "1"}, {"WORLD_SIZE", "2"}, {"LOCAL_RANK", "1"}, {"TISS_STORE_FILE", "/tmp/x/store"}});
    QVERIFY(w.ok());
    QCOMPARE(w->launcher, std::string("nproc"));
    QCOMPARE(w->storeFile, std::string("/tmp/x/store"));
  }

  void slurmVariables() {
    auto w = worldFromEnvironment({{"SLURM_PROCID", "5"}, {"SLURM_NTASKS", "8"}, {"SLURM_LOCALID", "1"}, {"SLURM_STEP_ID", "0"},
                                   {"SLURM_JOB_NODELIST", "gpu[03-06]"}, {"SLURM_JOB_ID", "41234"}});
    QVERIFY(w.ok());
    QCOMPARE(w->launcher, std::string("slurm"));
    QCOMPARE(w->rank, 5);
    QCOMPARE(w->localRank, 1);
    QCOMPARE(w->masterAddr, std::string("gpu03"));
    QCOMPARE(w->masterPort, kDefaultMasterPort + 234);  // one port per job
    // sbatch's own shell (no step) and one-task jobs train alone.
    auto batchShell = worldFromEnvironment({{"SLURM_PROCID", "0"}, {"SLURM_NTASKS", "8"}, {"SLURM_LOCALID", "0"}});
    QVERIFY(batchShell.ok() && !batchShell->distributed());
    auto one = worldFromEnvironment({{"SLURM_PROCID", "0"}, {"SLURM_NTASKS", "1"}, {"SLURM_LOCALID", "0"}, {"SLURM_STEP_ID", "0"}});
    QVERIFY(one.ok() && !one->distributed());
  }

  void firstHostOfANodeList() {
    QCOMPARE(firstSlurmHost("node1"), std::string("node1"));
    QCOMPARE(firstSlurmHost("node1,node2"), std::string("node1"));
    QCOMPARE(firstSlurmHost("gpu[03-05,09],cpu1"), std::string("gpu03"));
    QCOMPARE(firstSlurmHost("cpu1,gpu[03-05]"), std::string("cpu1"));
    QCOMPARE(firstSlurmHost("n[7]"), std::string("n7"));
  }
};

QTEST_MAIN(TestWorld)
#include "test_world.moc"
