#include <gtest/gtest.h>
#include <torch/torch.h>

#include <sstream>

#include "model/losses.h"
#include "model/networks.h"
#include "model/stage_model.h"

using namespace tiss;

namespace {

TrainConfig tiny(Stage stage) {
  TrainConfig c;
  c.stage = stage;
  c.net.channels = {4, 8, 8, 16, 16};
  c.net.dropout = {0, 0, 0, 0, 0};
  c.net.discChannels = 4;
  c.optim.lr = 1e-2;
  return c;
}

// A batch where the label is a bright ball in the sources and the target.
Batch ballBatch(int sources) {
  torch::manual_seed(0);
  const auto z = torch::arange(8).view({1, 1, 8, 1, 1}).to(torch::kFloat) - 3.5;
  const auto y = torch::arange(32).view({1, 1, 1, 32, 1}).to(torch::kFloat) - 15.5;
  const auto x = torch::arange(32).view({1, 1, 1, 1, 32}).to(torch::kFloat) - 15.5;
  const auto ball = ((z * z * 16 + y * y + x * x) < 64).to(torch::kFloat).repeat({2, 1, 1, 1, 1});
  Batch b;
  b.label = ball;
  b.sources = 0.3 * ball.repeat({1, sources, 1, 1, 1}) + 0.1 * torch::randn({2, sources, 8, 32, 32});
  b.target = 2 * ball - 1;
  return b;
}

bool anyGradient(torch::nn::Module& m) {
  for (const auto& p : m.parameters())
    if (p.grad().defined() && p.grad().abs().sum().item<double>() > 0) return true;
  return false;
}

}  // namespace

TEST(StageModels, SmallSegmenterOverfitsOneBatch) {
  auto model = makeStageModel(tiny(Stage::SegSource), 2, torch::kCPU);
  model->train(true);
  const Batch b = ballBatch(2);
  const double first = model->trainStep(b).at("total");
  double last = first;
  for (int i = 0; i < 80; ++i) last = model->trainStep(b).at("total");
  EXPECT_LT(last, 0.1 * first) << "first " << first << " last " << last;
}

TEST(StageModels, PerceptibilityGradientReachesGButNotSp) {
  torch::manual_seed(1);
  const NetConfig nc = tiny(Stage::TissNet).net;
  nn::DBNet g(2, 1, 1, nc);
  nn::UNet25D sp(1, 1, nc);
  sp->eval();
  for (auto& p : sp->parameters()) p.set_requires_grad(false);  // frozen, as the trainer loads it
  const Batch b = ballBatch(2);
  const auto synth = torch::tanh(g->forward(b.sources).first);
  losses::dice(torch::sigmoid(sp->forward(synth)), b.label).backward();
  EXPECT_TRUE(anyGradient(*g->first));
  EXPECT_TRUE(anyGradient(*g->encoder));
  EXPECT_FALSE(anyGradient(*g->second));  // L_p does not involve the coarse branch
  for (const auto& p : sp->parameters()) EXPECT_FALSE(p.grad().defined());
}

TEST(StageModels, SegmentorLossGradientReachesG) {
  torch::manual_seed(2);
  const NetConfig nc = tiny(Stage::TissNet).net;
  nn::DBNet g(2, 1, 1, nc), s(4, 1, 1, nc);
  const Batch b = ballBatch(2);
  auto [synth, coarse] = g->forward(b.sources);
  const auto xt = torch::tanh(synth), yc = torch::sigmoid(coarse);
  auto [fine, error] = s->forward(torch::cat({b.sources, xt, yc}, 1));
  const auto yf = torch::sigmoid(fine), ye = torch::sigmoid(error);
  const auto ls = losses::dice(yf, b.label) + losses::dice(ye, losses::errorTarget(yc, b.label)) +
                  losses::consistency(yf, losses::refined(yc, ye));
  ls.backward();
  EXPECT_TRUE(anyGradient(*g->first));   // through x_t'
  EXPECT_TRUE(anyGradient(*g->second));  // through y_c
  EXPECT_TRUE(anyGradient(*s));
}

TEST(StageModels, TissNetStepReportsEveryTermAndPredicts) {
  TrainConfig c = tiny(Stage::TissNet);
  nn::UNet25D sp(1, 1, c.net);
  sp->eval();
  for (auto& p : sp->parameters()) p.set_requires_grad(false);
  Borrowed borrowed;
  borrowed.spForward = [sp](const torch::Tensor& x) mutable { return torch::sigmoid(sp->forward(x)); };
  auto model = makeStageModel(c, 2, torch::kCPU, borrowed);
  model->train(true);
  const LossTerms t = model->trainStep(ballBatch(2));
  for (const char* name : {"syn_g_l1", "syn_g_adv", "syn_t_l1", "syn_t_adv", "perceptibility", "coarse", "fine", "error",
                           "consistency", "total", "discriminator"}) {
    ASSERT_TRUE(t.count(name)) << name;
    EXPECT_TRUE(std::isfinite(t.at(name))) << name;
  }
  model->train(false);
  torch::NoGradGuard nograd;
  const Outputs o = model->predict(ballBatch(2));
  for (const char* name : {"synth", "yc", "yf", "ye", "yr", "seg", "sp_on_synth"}) {
    ASSERT_TRUE(o.count(name)) << name;
    EXPECT_EQ(o.at(name).sizes(), (std::vector<int64_t>{2, 1, 8, 32, 32})) << name;
  }
  EXPECT_LE(o.at("synth").max().item<float>(), 1.f);
  EXPECT_GE(o.at("synth").min().item<float>(), -1.f);
  EXPECT_EQ(model->parameterCounts().size(), 4u);  // G, S, D_g, D_t
}

TEST(StageModels, SwitchedOffTermsAreNotComputed) {
  TrainConfig c = tiny(Stage::TissNet);
  c.loss.synT = false;
  c.loss.err = false;
  c.loss.lambdaP = 0;
  auto model = makeStageModel(c, 2, torch::kCPU);
  const LossTerms t = model->trainStep(ballBatch(2));
  EXPECT_FALSE(t.count("syn_t_l1"));
  EXPECT_FALSE(t.count("error"));
  EXPECT_FALSE(t.count("perceptibility"));
  EXPECT_TRUE(t.count("fine"));
  c.stage = Stage::Synthesis;
  EXPECT_EQ(makeStageModel(c, 2, torch::kCPU)->parameterCounts().count("S"), 0u);
}

TEST(StageModels, CheckpointRoundTripGivesTheSamePredictions) {
  TrainConfig c = tiny(Stage::TissNet);
  auto a = makeStageModel(c, 2, torch::kCPU);
  a->trainStep(ballBatch(2));
  std::stringstream buffer;
  {
    torch::serialize::OutputArchive out;
    a->save(out);
    out.save_to(buffer);
  }
  auto b = makeStageModel(c, 2, torch::kCPU);
  torch::serialize::InputArchive in;
  in.load_from(buffer);
  b->load(in);
  a->train(false);
  b->train(false);
  torch::NoGradGuard nograd;
  EXPECT_TRUE(torch::allclose(a->predict(ballBatch(2)).at("yf"), b->predict(ballBatch(2)).at("yf")));
}

// The generator step records no gradient for the discriminators' weights (it would be thrown
// away), yet the discriminator step still trains them, and every weight trains again after.
TEST(StageModels, TissNetStepTrainsTheDiscriminatorsAndRestoresTheirFlags) {
  TrainConfig c = tiny(Stage::TissNet);
  c.loss.lambdaP = 0;
  torch::manual_seed(3);
  auto model = makeStageModel(c, 2, torch::kCPU);
  model->train(true);
  const size_t perD = nn::PatchGAN(3, c.net.discChannels)->parameters().size();
  const auto params = model->parameters();  // G, S, D_g, D_t
  ASSERT_GT(params.size(), 2 * perD);
  std::vector<torch::Tensor> before;
  for (const auto& p : params) before.push_back(p.detach().clone());
  model->trainStep(ballBatch(2));
  for (size_t d = 0; d < 2; ++d) {
    bool moved = false;
    for (size_t i = params.size() - (2 - d) * perD; i < params.size() - (1 - d) * perD; ++i)
      moved = moved || !torch::equal(params[i], before[i]);
    EXPECT_TRUE(moved) << (d == 0 ? "D_g" : "D_t") << " did not train";
  }
  EXPECT_FALSE(torch::equal(params[0], before[0]));  // G trained
  for (const auto& p : params) EXPECT_TRUE(p.requires_grad());
}

// loss.coarse_gradient changes only what S's losses send into the coarse decoder through y_c:
// none when detached, half at 0.5 (autograd's own value when full); every gradient of the
// synthesis and coarse losses, and S's gradient through x_t', stay as they are.
TEST(StageModels, CoarseGradientSwitchChangesOnlyWhatSSendsIntoYc) {
  auto norms = [](double share) {
    TrainConfig c = tiny(Stage::TissNet);
    c.loss.coarseGradient = share;
    torch::manual_seed(1);
    auto model = makeStageModel(c, 2, torch::kCPU);
    model->train(true);
    const Batch b = ballBatch(2);
    std::vector<torch::Tensor> buffersBefore;
    for (const auto& t : model->buffers()) buffersBefore.push_back(t.clone());
    auto n = model->gradientNorms(b);
    const auto buffersAfter = model->buffers();
    EXPECT_EQ(buffersAfter.size(), buffersBefore.size());
    EXPECT_FALSE(buffersBefore.empty());
    for (size_t i = 0; i < buffersBefore.size(); ++i) EXPECT_TRUE(torch::equal(buffersAfter[i], buffersBefore[i])) << "buffer " << i;
    // Computing them changed no weight: the same model then trains as a fresh one would.
    torch::manual_seed(1);
    auto fresh = makeStageModel(c, 2, torch::kCPU);
    fresh->train(true);
    EXPECT_DOUBLE_EQ(model->trainStep(b).at("total"), fresh->trainStep(b).at("total"));
    return n;
  };
  auto full = norms(1), half = norms(0.5), detached = norms(0);
  const std::string fromS = "coarse_decoder/from_segmentor";
  ASSERT_TRUE(full.count(fromS));
  EXPECT_GT(full.at(fromS), 0);
  EXPECT_EQ(detached.at(fromS), 0.0);
  EXPECT_NEAR(half.at(fromS), 0.5 * full.at(fromS), 1e-5 * full.at(fromS));
  EXPECT_EQ(full.at("coarse_decoder/from_synthesis"), 0.0);  // no path from x_t's losses to y_c
  EXPECT_GT(full.at("coarse_decoder/from_coarse"), 0);
  for (const char* key : {"coarse_decoder/from_coarse", "synthesis_decoder/from_synthesis", "synthesis_decoder/from_segmentor",
                          "encoder/from_synthesis", "encoder/from_coarse"})
    for (const auto* other : {&half, &detached}) EXPECT_NEAR(other->at(key), full.at(key), 1e-6 * (1 + full.at(key))) << key;
  EXPECT_GT(full.at("synthesis_decoder/from_segmentor"), 0);
  // The encoder hears S through y_c too, so detaching lowers (or at least changes) what it gets from S.
  EXPECT_NE(detached.at("encoder/from_segmentor"), full.at("encoder/from_segmentor"));
}

// Branches that could learn nothing, checked as y_c was (docs/engine.md, "The coarse branch"):
// a frozen S_p stays bit for bit what it was through TISS-Net's steps (weights and BatchNorm
// statistics: its predictions are unchanged); at α_g = α_t = 0 the discriminators still train
// and their adversarial gradient still reaches G; with L_err and L_con off no loss reaches the
// error branch, so y_e and y_r are not outputs; at λ_S = 0 there is no S at all.
TEST(StageModels, BranchesNoLossReachesAreNeitherTrainedNorShown) {
  TrainConfig spConfig = tiny(Stage::Sp);
  torch::manual_seed(5);
  std::shared_ptr<StageModel> sp = makeStageModel(spConfig, 2, torch::kCPU);
  sp->freeze();  // as a borrowed S_p is loaded (engine.cpp, loadFrozen)
  const Batch b = ballBatch(2);
  auto spSees = [&] { return sp->predict(Batch{torch::Tensor(), b.target, torch::Tensor()}).at("seg").clone(); };
  const auto spBefore = spSees();
  std::vector<torch::Tensor> spWeights;
  for (const auto& p : sp->parameters()) spWeights.push_back(p.detach().clone());
  Borrowed borrowed;
  borrowed.spForward = [sp](const torch::Tensor& x) { return sp->predict(Batch{torch::Tensor(), x, torch::Tensor()}).at("seg"); };

  TrainConfig c = tiny(Stage::TissNet);
  c.loss.alphaG = c.loss.alphaT = 0;
  torch::manual_seed(6);
  auto model = makeStageModel(c, 2, torch::kCPU, borrowed);
  model->train(true);
  const auto norms = model->gradientNorms(b);
  EXPECT_GT(norms.at("synthesis_decoder/from_synthesis"), 0);  // adversarial terms and L_p alone
  const auto params = model->parameters();
  std::vector<torch::Tensor> before;
  for (const auto& p : params) before.push_back(p.detach().clone());
  for (int i = 0; i < 3; ++i) model->trainStep(b);
  const size_t perD = nn::PatchGAN(3, c.net.discChannels)->parameters().size();
  for (size_t d = 0; d < 2; ++d) {
    bool moved = false;
    for (size_t i = params.size() - (2 - d) * perD; i < params.size() - (1 - d) * perD; ++i)
      moved = moved || !torch::equal(params[i], before[i]);
    EXPECT_TRUE(moved) << (d == 0 ? "D_g" : "D_t") << " did not train at alpha = 0";
  }
  EXPECT_TRUE(torch::equal(spSees(), spBefore)) << "S_p's predictions changed: its BatchNorm statistics moved";
  const auto spAfter = sp->parameters();
  for (size_t i = 0; i < spWeights.size(); ++i) EXPECT_TRUE(torch::equal(spAfter[i], spWeights[i])) << "S_p weight " << i;

  TrainConfig noError = tiny(Stage::TissNet);
  noError.loss.err = noError.loss.con = false;
  const auto kinds = makeStageModel(noError, 2, torch::kCPU)->outputKinds();
  EXPECT_TRUE(kinds.count("yf"));
  EXPECT_FALSE(kinds.count("ye"));
  EXPECT_FALSE(kinds.count("yr"));
  TrainConfig noS = tiny(Stage::TissNet);
  noS.loss.lambdaS = 0;
  const auto synthesisOnly = makeStageModel(noS, 2, torch::kCPU)->outputKinds();
  for (const char* k : {"yf", "ye", "yr"}) EXPECT_FALSE(synthesisOnly.count(k)) << k;
  EXPECT_TRUE(synthesisOnly.count("yc"));
}
