// The BraSyn workflow: brasyn drop, complete, export nnunet, brasyn eval (docs/data.md).
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "commands.h"
#include "progress.h"
#include "tiss/util/atomic_file.h"
#include "tiss/brasyn/brasyn.h"

namespace tissnet {
namespace {

// "t2f=RUN,t1c=RUN" -> {t2f: RUN, t1c: RUN}
tiss::Result<std::map<std::string, std::string>> runsOption(const std::string& text) {
  std::map<std::string, std::string> runs;
  std::stringstream s(text);
  for (std::string item; std::getline(s, item, ',');) {
    const auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
      return tiss::makeError("--runs", "'" + item + "' is not SEQUENCE=RUN (e.g. t2f=runs/t2f)");
    runs[item.substr(0, eq)] = item.substr(eq + 1);
  }
  return runs;
}

void addDrop(CLI::App* brasyn, int& exitCode) {
  auto* cmd = brasyn->add_subcommand("drop", "Drop one of the four sequences per case at random (and the labels), as BraSyn's validation data");
  auto o = std::make_shared<tiss::DropOptions>();
  cmd->add_option("--data", o->data, "glioma data set folder")->required();
  cmd->add_option("--out", o->out, "new folder for the incomplete cases")->required();
  cmd->add_option("--seed", o->seed, "random seed of the choice")->capture_default_str();
  cmd->callback([o, &exitCode] {
    auto dropped = tiss::dropSequences(*o);
    if (!dropped) {
      exitCode = fail(dropped.error());
      return;
    }
    std::map<std::string, int> count;
    for (const auto& [id, key] : *dropped) ++count[key];
    std::printf("dropped one sequence from each of %zu cases:", dropped->size());
    for (const auto& [key, n] : count) std::printf(" %s %d", key.c_str(), n);
    std::printf("\nrecorded in %s/%s\n", o->out.c_str(), tiss::kDropRecord);
  });
}

void addEval(CLI::App* brasyn, int& exitCode) {
  auto* cmd = brasyn->add_subcommand("eval", "Score completed cases against the originals (BraSyn convention) and their segmentation's Dice");
  auto o = std::make_shared<tiss::BrasynEvalOptions>();
  auto out = std::make_shared<std::string>();
  cmd->add_option("--data", o->data, "the original data set (real sequences and labels)")->required();
  cmd->add_option("--completed", o->completed, "the output of tissnet complete")->required();
  cmd->add_option("--seg", o->seg, "folder of tumor masks of the completed cases (e.g. nnU-Net's predictions)");
  cmd->add_option("--seg-pattern", o->segPattern, "mask file per case under --seg")->capture_default_str();
  cmd->add_option("--out", *out, "CSV of the per-case scores (the table goes beside it as .md)");
  cmd->callback([o, out, &exitCode] {
    auto scores = tiss::evaluateBrasyn(*o);
    if (!scores) {
      exitCode = fail(scores.error());
      return;
    }
    const std::string table = tiss::brasynTable(*scores);
    std::printf("%s", table.c_str());
    if (out->empty()) return;
    std::string csv = "case,dropped,psnr_brasyn_db,ssim_brasyn_tumor,ssim_brasyn_healthy,dice_pct\n";
    for (const auto& s : *scores) {
      char line[256];
      std::snprintf(line, sizeof line, "%s,%s,%.4f,%.5f,%.5f,%s\n", s.id.c_str(), s.key.c_str(), s.psnrDb, s.ssimTumor, s.ssimHealthy,
                    s.dicePct < 0 ? "" : std::to_string(s.dicePct).c_str());
      csv += line;
    }
    for (const auto& [file, text] : {std::pair{*out, csv}, std::pair{*out + ".md", table}})
      if (auto st = tiss::writeFileAtomically(file, text); !st) exitCode = fail(st.error());
  });
}

}  // namespace

void addBrasynCommands(CLI::App& app, int& exitCode) {
  auto* brasyn = app.add_subcommand("brasyn", "The BraSyn workflow: drop a sequence per case, evaluate completed cases");
  brasyn->require_subcommand(1);
  addDrop(brasyn, exitCode);
  addEval(brasyn, exitCode);

  auto* complete = app.add_subcommand("complete", "Synthesize each case's missing sequence with the run trained for it");
  auto c = std::make_shared<tiss::CompleteOptions>();
  auto runs = std::make_shared<std::string>();
  complete->add_option("--data", c->data, "cases each missing one of the four sequences")->required();
  complete->add_option("--runs", *runs, "SEQUENCE=RUN,... e.g. t2f=runs/t2f,t1c=runs/t1c,t1n=runs/t1n,t2w=runs/t2w")->required();
  complete->add_option("--out", c->out, "new folder for the completed cases")->required();
  complete->add_option("--device", c->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
  complete->add_option("--threads", c->threads, "CPU threads (0: LibTorch's default)")->check(CLI::Range(0, 1024));
  c->progress = terminalProgress("complete: cases");
  c->onWarning = [](const std::string& w) { std::fprintf(stderr, "tissnet: warning: %s\n", w.c_str()); };
  complete->callback([c, runs, &exitCode] {
    auto parsed = runsOption(*runs);
    if (!parsed) {
      exitCode = fail(parsed.error());
      return;
    }
    c->runs = *parsed;
    auto done = tiss::completeCases(*c);
    if (!done) {
      exitCode = fail(done.error());
      return;
    }
    for (const auto& d : *done) std::printf("%s  %s  <- %s\n", d.id.c_str(), d.file.c_str(), d.run.c_str());
    std::printf("completed %zu cases into %s\n", done->size(), c->out.c_str());
  });

  auto* exportCmd = app.add_subcommand("export", "Write a data set in another tool's format");
  exportCmd->require_subcommand(1);
  auto* nnunet = exportCmd->add_subcommand("nnunet", "An nnU-Net v2 raw dataset (imagesTr, labelsTr, imagesTs, dataset.json)");
  auto e = std::make_shared<tiss::NnunetExportOptions>();
  nnunet->add_option("--data", e->data, "the glioma data set (labels come from here)")->required();
  nnunet->add_option("--completed", e->completed, "completed cases (tissnet complete) whose images to use");
  nnunet->add_option("--out", e->out, "the DatasetXXX_Name folder to write")->required();
  nnunet->callback([e, &exitCode] {
    auto n = tiss::exportNnunet(*e);
    if (!n) {
      exitCode = fail(n.error());
      return;
    }
    std::printf("wrote %s: %d training cases, %d test cases\n", e->out.c_str(), n->training, n->test);
  });
}

}  // namespace tissnet
