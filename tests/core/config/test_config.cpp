#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <functional>
#include <sstream>

#include "test_support.h"
#include "tiss/config/config.h"
#include "tiss/config/config_keys.h"

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
  // inference.window as read and written (the windows themselves: test_predictor).
  // One table of keys: every key a config writes is in it (and nothing else), each with its
  // help, and docs/config.md is what the table generates.
  void keyTableCoversTheConfig() {
    auto c = loadConfig("", {});
    QVERIFY(c.ok());
    QStringList written;
    std::function<void(const QJsonObject&, const QString&)> walk = [&](const QJsonObject& o, const QString& prefix) {
      for (auto it = o.begin(); it != o.end(); ++it) {
        const QString key = prefix.isEmpty() ? it.key() : prefix + "." + it.key();
        if (it->isObject()) walk(it->toObject(), key);
        else written << key;
      }
    };
    walk(QJsonDocument::fromJson(QByteArray::fromStdString(toJson(*c))).object(), "");
    QStringList table;
    for (const auto& k : configKeys()) {
      table << QString::fromStdString(k.key);
      QVERIFY2(!k.help.empty(), k.key.c_str());
      QVERIFY2(k.type != KeyType::Choice || !k.choices.empty(), k.key.c_str());
    }
    written.sort();
    QStringList sorted = table;
    sorted.sort();
    QCOMPARE(sorted, written);
    QVERIFY(findConfigKey("loss.lambda_p") && !findConfigKey("loss.lambda_q"));
    QCOMPARE(configDefault("loss.lambda_p", "paper"), std::string("25"));
    QCOMPARE(configDefault("data.patch", "cpu-small"), std::string("16x64x64"));
    // The choices the table offers are the ones the parser takes.
    for (const auto& k : configKeys())
      if (k.type == KeyType::Choice)
        for (const auto& choice : k.choices) {
          std::vector<std::string> set{k.key + "=" + choice};
          if (k.key == "stage" && choice != "tissnet") set.push_back("loss.lambda_p=0");
          if (k.key == "validation.select" && choice == "perceptibility") set.push_back("runs.sp=/sp");
          auto r = loadConfig("", set);
          QVERIFY2(r.ok() || k.key == "validation.select", (k.key + "=" + choice + ": " + (r ? "" : r.error().message)).c_str());
        }
  }
  void configDocsAreGenerated() {
    std::ifstream in(std::string(TISS_SOURCE_DIR) + "/docs/config.md");
    QVERIFY2(in, "docs/config.md is missing: tissnet config --describe --markdown > docs/config.md");
    std::stringstream text;
    text << in.rdbuf();
    QVERIFY2(text.str() == describeConfigKeys(true),
             "docs/config.md differs from the program's keys: regenerate it with tissnet config --describe --markdown");
  }
  void windowRules() {
    auto c = loadConfig("", {"preset=cpu-small"});
    QVERIFY(c.ok());
    QCOMPARE(windowText(*c), std::string("slab"));  // the default
    QCOMPARE(c->minWindow(), (Size3{64, 64, 16}));
    auto patch = loadConfig("", {"preset=cpu-small", "inference.window=patch"});
    QVERIFY(patch.ok());
    auto fixed = loadConfig("", {"preset=cpu-small", "inference.window=32x128x96"});
    QVERIFY(fixed.ok());
    QCOMPARE(fixed->minWindow(), (Size3{96, 128, 32}));
    for (const auto* text : {"slab", "patch", "32x128x96"}) {  // written back as read
      auto r = loadConfig("", {std::string("inference.window=") + text});
      QVERIFY(r.ok());
      auto back = configFromJson(toJson(*r), "run.json");
      QVERIFY(back.ok());
      QCOMPARE(windowText(*back), std::string(text));
    }
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
    QTest::newRow("window shape") << "inference.window=16x64" << "expected slab, patch or DxHxW";
    QTest::newRow("odd window") << "inference.window=10x64x64" << "inference.window: D must be a multiple of 4";
    QTest::newRow("huge window") << "inference.window=100000x100000x100000" << "at most 1024 voxels";
    QTest::newRow("coarse gradient") << "loss.coarse_gradient=half" << "expected full, detached or a share in [0, 1]";
    QTest::newRow("coarse share") << "loss.coarse_gradient=1.5" << "expected full, detached or a share in [0, 1]";
  }
  // loss.coarse_gradient: full (the default, also for configs written before the key), detached
  // or a share; written back as it was given.
  void coarseGradientTakesNamesAndShares() {
    QCOMPARE(loadConfig("", {})->loss.coarseGradient, 0.0);  // detached: the default
    QCOMPARE(loadConfig("", {"loss.coarse_gradient=full"})->loss.coarseGradient, 1.0);
    // A run stored before the key existed trained with the full gradient, and reads so.
    auto stored = configFromJson(R"({"preset": "cpu-small", "loss": {"lambda_c": 1}})", "old/config.json");
    QVERIFY(stored.ok());
    QCOMPARE(stored->loss.coarseGradient, 1.0);
    QCOMPARE(configFromJson(toJson(*loadConfig("", {})), "new/config.json")->loss.coarseGradient, 0.0);
    QCOMPARE(loadConfig("", {"loss.coarse_gradient=detached"})->loss.coarseGradient, 0.0);
    QCOMPARE(loadConfig("", {"loss.coarse_gradient=0.25"})->loss.coarseGradient, 0.25);
    auto c = loadConfig("", {"loss.coarse_gradient=detached", "optim.gradient_norms_every=10"});
    QVERIFY(c.ok());
    const QJsonObject written = QJsonDocument::fromJson(QByteArray::fromStdString(toJson(*c))).object();
    QCOMPARE(written["loss"].toObject()["coarse_gradient"].toString(), QString("detached"));
    QCOMPARE(c->optim.gradientNormsEvery, 10);
  }
  // Settings under which a TISS-Net output no loss trains would be written are refused, by key.
  void untrainedOutputsAreRefused() {
    auto refused = [](const std::vector<std::string>& sets, const std::string& phrase) {
      std::vector<std::string> all{"stage=tissnet"};
      all.insert(all.end(), sets.begin(), sets.end());
      auto c = loadConfig("", all);
      return !c.ok() && c.error().describe().find(phrase) != std::string::npos;
    };
    QVERIFY(refused({"loss.fine=false", "loss.con=false"}, "inference.output 'yf' needs y_f"));
    QVERIFY(refused({"loss.err=false", "loss.con=false", "inference.output=mean"}, "needs y_r"));
    QVERIFY(refused({"loss.fine=false", "loss.err=false", "loss.con=false"}, "S learns nothing"));
    for (const auto& fine : std::vector<std::vector<std::string>>{
             {"stage=tissnet", "loss.lambda_c=0", "loss.coarse_gradient=full"},  // y_c trained by S's losses alone
             {"stage=tissnet", "loss.lambda_c=0"},  // detached: y_c untrained (a swept lambda_c = 0)
             {"stage=tissnet", "loss.err=false", "loss.con=false"},
             {"stage=tissnet", "loss.fine=false", "loss.con=false", "inference.output=yr"},
             {"stage=tissnet", "loss.lambda_s=0"}})
      QVERIFY2(loadConfig("", fine).ok(), fine.back().c_str());
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
