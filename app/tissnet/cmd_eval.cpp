#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "commands.h"
#include "progress.h"
#include "tiss/util/atomic_file.h"
#include "tiss/evaluation/eval.h"

namespace tissnet {

void addEvalCommand(CLI::App& app, int& exitCode) {
  auto* cmd = app.add_subcommand("eval", "Dice (%), ASSD and HD95 (mm), and PSNR/SSIM of synthesized images, per case");
  auto o = std::make_shared<tiss::EvalOptions>();
  auto out = std::make_shared<std::string>();
  cmd->add_option("--pred", o->pred, "folder of predicted masks")->required();
  cmd->add_option("--gt", o->gt, "data set, or folder of CASE.nii.gz label files")->required();
  cmd->add_option("--image", o->image, "folder of synthesized target images (optional)");
  cmd->add_option("--reference", o->reference, "data set or folder of real target images (default: --gt)");
  cmd->add_option("--reference-pattern", o->referencePattern, "reference file per case inside --reference (e.g. from infer)");
  cmd->add_flag("--mean-image", o->meanImage, "baseline: score a constant image (the reference's mean) instead of --image");
  cmd->add_option("--pred-pattern", o->predPattern, "prediction file per case")->capture_default_str();
  cmd->add_option("--image-pattern", o->imagePattern, "synthesized image per case")->capture_default_str();
  cmd->add_option("--data-range", o->dataRange, "PSNR/SSIM data range L (default: max - min of each reference)");
  cmd->add_flag("--normalize-reference", o->normalizeReference,
                "map the reference to [-1, 1] as the engine does (to compare x_t' with a raw target file)");
  cmd->add_flag("--brasyn", o->brasyn, "also the BraSyn scores: percentile-clipped [0, 1] images, SSIM in and outside the tumor");
  auto surface = std::make_shared<std::string>("pymic");
  cmd->add_option("--surface", *surface, "ASSD/HD95 convention: pymic (the paper's), medpy or monai")
      ->check(CLI::IsMember({"pymic", "medpy", "monai"}))
      ->capture_default_str();
  cmd->add_option("--threads", o->threads, "worker threads")->check(CLI::Range(1, 256))->capture_default_str();
  cmd->add_option("--out", *out, "CSV file to write")->required();
  auto skipExisting = std::make_shared<bool>(false);
  cmd->add_flag("--skip-existing", *skipExisting, "keep the cases already scored in --out (after a kill) and score the rest");
  cmd->callback([=, &exitCode] {
    o->surface = *tiss::parseSurfaceConvention(*surface);
    const tiss::EvalProtocol protocol = tiss::protocolOf(*o);
    // The protocol before any row: a CSV is never read without knowing how it was made.
    bool protocolSaved = false;
    auto saveProtocol = [&]() -> tiss::Status {
      if (protocolSaved) return tiss::Status();
      protocolSaved = true;
      return tiss::writeFileAtomically(*out + ".json", tiss::protocolJson(protocol));
    };
    std::vector<tiss::CaseScores> all;
    if (*skipExisting && std::filesystem::exists(*out)) {
      auto kept = tiss::readScoresCsv(*out);
      if (!kept) {
        exitCode = fail(kept.error());
        return;
      }
      all = *kept;
      for (const auto& s : all) o->skip.insert(s.id);
      std::fprintf(stderr, "tissnet: eval: %zu cases kept from %s\n", all.size(), out->c_str());
    }
    // Each case is saved as it finishes: a kill loses at most the cases in progress.
    auto byId = [](const tiss::CaseScores& a, const tiss::CaseScores& b) { return a.id < b.id; };
    std::string saveError;
    o->onCase = [&](const tiss::CaseScores& s) {
      all.push_back(s);
      std::sort(all.begin(), all.end(), byId);
      tiss::Status st = saveProtocol();
      if (st) st = tiss::writeFileAtomically(*out, tiss::toCsv(all));
      if (!st && saveError.empty()) saveError = st.error().describe();
    };
    auto scores = tiss::evaluate(*o, terminalProgress("eval: cases"));
    if (!scores) {
      exitCode = fail(scores.error());
      return;
    }
    const std::string csv = tiss::toCsv(all);
    protocolSaved = false;
    if (auto st = saveProtocol(); !st) {
      exitCode = fail(st.error());
      return;
    }
    if (auto st = tiss::writeFileAtomically(*out, csv); !st) {
      exitCode = fail(st.error());
      return;
    }
    if (!saveError.empty()) std::fprintf(stderr, "tissnet: warning: %s (saved at the end)\n", saveError.c_str());
    if (protocol.cropFromLabel) std::fprintf(stderr, "tissnet: note: %s\n", tiss::kCropFromLabelNote);
    int errors = 0;
    for (const auto& s : all)
      if (!s.error.empty()) {
        ++errors;
        std::fprintf(stderr, "tissnet: case %s: %s\n", s.id.c_str(), s.error.c_str());
      }
    // The last two CSV lines are the mean and sd rows: show them to the user.
    const size_t meanAt = csv.rfind("\nmean,");
    std::printf("%s%s", csv.substr(0, csv.find('\n') + 1).c_str(), csv.substr(meanAt + 1).c_str());
    std::printf("%zu cases evaluated, %d failed; wrote %s\n", all.size() - size_t(errors), errors, out->c_str());
    exitCode = errors ? 1 : 0;
  });
}

}  // namespace tissnet

#include "tiss/evaluation/results_table.h"

namespace tissnet {

void addTableCommand(CLI::App& app, int& exitCode) {
  auto* cmd = app.add_subcommand("table", "Compare methods: mean ± sd per metric and paired tests against the first, corrected");
  auto entries = std::make_shared<std::vector<std::string>>();
  auto test = std::make_shared<std::string>("t"), correction = std::make_shared<std::string>("holm"), stats = std::make_shared<std::string>();
  auto alpha = std::make_shared<double>(0.05);
  auto paper = std::make_shared<bool>(false);
  cmd->add_option("METHOD=CSV", *entries,
                  "name=eval.csv, the first is the baseline; a name given again is another seed of that method "
                  "(cases averaged over its seeds first, the spread between seeds shown apart)")->required()->expected(1, -1);
  cmd->add_option("--test", *test, "paired test: t (Student) or wilcoxon (signed-rank, scipy's defaults)")->capture_default_str();
  cmd->add_option("--correction", *correction, "over each metric's comparisons: holm, bonferroni or none")->capture_default_str();
  cmd->add_option("--alpha", *alpha, "level of the † mark (adjusted p < alpha)")->capture_default_str();
  cmd->add_flag("--paper-convention", *paper, "the paper's convention: paired t-test, no correction (said in the footnote)");
  cmd->add_option("--stats", *stats, "write every comparison as JSON (n, mean_diff, ci95, test, p, p_adjusted, correction)");
  cmd->callback([=, &exitCode] {
    auto comparison = *paper ? tiss::Result<tiss::ComparisonOptions>(tiss::ComparisonOptions::paper())
                             : tiss::ComparisonOptions::parse(*test, *correction, *alpha);
    if (!comparison) {
      exitCode = fail(comparison.error());
      return;
    }
    std::vector<tiss::MethodResults> methods;
    for (const auto& e : *entries) {
      const size_t eq = e.find('=');
      if (eq == std::string::npos) {
        exitCode = fail(tiss::makeError("", "'" + e + "' is not NAME=FILE.csv"));
        return;
      }
      auto cases = tiss::readEvalCsv(e.substr(eq + 1));
      if (!cases) {
        exitCode = fail(cases.error());
        return;
      }
      auto protocol = tiss::readEvalProtocol(e.substr(eq + 1));
      if (!protocol) {
        exitCode = fail(protocol.error());
        return;
      }
      methods.push_back({e.substr(0, eq), *cases, protocol->cropFromLabel, protocol->known ? protocol->surface : ""});
    }
    const auto table = tiss::buildResultsTable(tiss::poolSeeds(methods), 0, {}, *comparison);
    std::printf("%s", tiss::tableMarkdown(table).c_str());
    if (!stats->empty())
      if (auto st = tiss::writeFileAtomically(*stats, tiss::comparisonsJson(table)); !st) exitCode = fail(st.error());
  });
}

}  // namespace tissnet
