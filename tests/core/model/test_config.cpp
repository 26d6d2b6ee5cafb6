#include <QTemporaryDir>
#include <QTest>

#include <fstream>

#include "test_support.h"
#include "tiss/model/config.h"

using namespace tiss;

class TestConfig : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

 private slots:
  void paperDefaultsAreTheMethodsDefaults() {
    auto c = loadConfig("", {});
    QVERIFY(c.ok());
    QCOMPARE(c->loss.alphaG, 50.0);
    QCOMPARE(c->loss.alphaT, 200.0);
    QCOMPARE(c->loss.lambdaP, 25.0);
    QCOMPARE(c->loss.lambdaC, 1.0);
    QCOMPARE(c->loss.lambdaS, 25.0);
    QCOMPARE(c->optim.lr, 1e-4);
    QCOMPARE(c->optim.epochsConstant, 100);
    QCOMPARE(c->optim.epochsDecay, 150);
    QCOMPARE(c->batch, 2);
    QCOMPARE(formatSizeDHW(c->patch), std::string("16x128x128"));
  }
  void fileThenOverridesWin() {
    const std::string file = testsupport::path(dir_.path(), "c.json");
    std::ofstream(file) << R"({"preset": "cpu-small", "loss": {"lambda_p": 15, "syn_t": false}, "seed": 7})";
    auto c = loadConfig(file, {"loss.lambda_p=20", "loss.seg_input=xt'+yc", "net.channels=[4,8,16,32,64]"});
    QVERIFY2(c.ok(), c.ok() ? "" : c.error().describe().c_str());
    QCOMPARE(c->preset, std::string("cpu-small"));
    QCOMPARE(c->loss.lambdaP, 20.0);
    QCOMPARE(c->loss.synT, false);
    QCOMPARE(c->seed, uint64_t(7));
    QVERIFY(c->loss.segInput == SegInput::SynthCoarse);
    QCOMPARE(c->net.channels, (std::vector<int>{4, 8, 16, 32, 64}));
    QCOMPARE(c->net.discChannels, 16);  // from the preset
  }
  void resolvedJsonRoundTrips() {
    auto c = loadConfig("", {"stage=seg-all", "inference.output=mean", "optim.lr=0.002"});
    QVERIFY(c.ok());
    auto back = configFromJson(toJson(*c), "resolved");
    QVERIFY(back.ok());
    QCOMPARE(toJson(*back), toJson(*c));
    QVERIFY(back->stage == Stage::SegAll);
    QVERIFY(back->output == SegOutput::Mean);
  }
  void olderRunConfigsGetDefaultsForNewKeys() {
    auto c = loadConfig("", {"preset=cpu-small"});
    QVERIFY(c.ok());
    std::string text = toJson(*c);
    const size_t at = text.find("\"upsampling\"");
    QVERIFY(at != std::string::npos);
    text.erase(at, text.find('\n', at) - at);  // as written before the key existed
    text.replace(text.rfind(',', at), 1, "");
    auto back = configFromJson(text, "old config.json");
    QVERIFY2(back.ok(), back.ok() ? "" : back.error().describe().c_str());
    QCOMPARE(back->net.linearUpsampling, false);
  }
  void mistakesAreNamed_data() {
    QTest::addColumn<QString>("override");
    QTest::addColumn<QString>("phrase");
    QTest::newRow("unknown key") << "loss.lambda_q=1" << "unknown key 'loss.lambda_q'";
    QTest::newRow("bad stage") << "stage=sgementation" << "expected one of sp, tissnet";
    QTest::newRow("wrong type") << "data.batch=\"two\"" << "'data.batch' must be a whole number";
    QTest::newRow("negative weight") << "loss.lambda_c=-1" << "'loss.lambda_c' is -1; expected 0";
    QTest::newRow("odd patch") << "data.patch=10x128x128" << "multiple of 4";
    QTest::newRow("not key=value") << "lambda" << "not key=value";
    QTest::newRow("preset") << "preset=huge" << "unknown preset 'huge'";
    QTest::newRow("levels") << "net.channels=[8,16]" << "5 values";
    QTest::newRow("conv path") << "net.conv=fast" << "expected one of auto, native, sliced";
    QTest::newRow("no windows") << "inference.batch=0" << "'inference.batch' is 0; expected 1 to 64";
    QTest::newRow("window shape") << "inference.window=16x64" << "expected patch or DxHxW";
    QTest::newRow("odd window") << "inference.window=10x64x64" << "inference.window: D must be a multiple of 4";
    QTest::newRow("huge window") << "inference.window=100000x100000x100000" << "at most 1024 voxels";
  }
  void mistakesAreNamed() {
    QFETCH(QString, override);
    QFETCH(QString, phrase);
    auto c = loadConfig("", {override.toStdString()});
    QVERIFY(!c.ok());
    QVERIFY2(c.error().describe().find(phrase.toStdString()) != std::string::npos, c.error().describe().c_str());
  }
  void unreadableFile() {
    auto c = loadConfig(testsupport::path(dir_.path(), "none.json"), {});
    QVERIFY(!c.ok());
    QVERIFY(c.error().file.find("none.json") != std::string::npos);
    const std::string bad = testsupport::path(dir_.path(), "bad.json");
    std::ofstream(bad) << "{ not json";
    QVERIFY(!loadConfig(bad, {}).ok());
  }
};

QTEST_APPLESS_MAIN(TestConfig)
#include "test_config.moc"
