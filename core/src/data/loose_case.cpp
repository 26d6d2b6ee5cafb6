#include "tiss/data/loose_case.h"

#include "data/layouts.h"
#include "tiss/util/safe_path.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace tiss {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return s;
}

// The lower-case name without its image extension; "" for a file that is no image.
std::string stemOf(const std::string& name) {
  std::string ext;
  return splitImageExtension(lower(name), &ext);
}

std::vector<std::string> tokens(const std::string& stem) {
  std::vector<std::string> out(1);
  for (char c : stem) {
    if (c == '_' || c == '-' || c == '.' || c == ' ') out.emplace_back();
    else out.back() += c;
  }
  out.erase(std::remove(out.begin(), out.end(), std::string()), out.end());
  return out;
}

// Glioma keys by the words that name them. The modality is usually the name's last word (a
// case id such as "VS-SEG-001" may hold others), so words are read from the end; a T1 with a
// contrast word anywhere (BIDS "ce-gadolinium_T1w") is the contrast-enhanced one.
std::string gliomaKey(const std::vector<std::string>& words) {
  static const std::vector<std::pair<const char*, std::set<std::string>>> table = {
      {"seg", {"seg", "segmentation", "label", "labels", "mask", "gt", "truth", "tumor", "tumour"}},
      {"flair", {"flair", "t2f", "t2flair"}},
      {"t1ce", {"t1ce", "t1c", "t1gd", "t1post", "t1wce", "cet1", "t1contrast"}},
      {"t1", {"t1", "t1n", "t1w", "t1pre"}},
      {"t2", {"t2", "t2w"}},
  };
  static const std::set<std::string> contrast = {"ce", "gd", "gadolinium", "contrast", "post"};
  for (auto w = words.rbegin(); w != words.rend(); ++w)
    for (const auto& [key, names] : table)
      if (names.count(*w)) {
        const bool enhanced = std::any_of(words.begin(), words.end(), [](const std::string& x) { return contrast.count(x) > 0; });
        return std::string(key) == "t1" && enhanced ? "t1ce" : key;
      }
  return {};
}

bool hidden(const fs::path& p) { return p.filename().string().rfind(".", 0) == 0; }

}  // namespace

std::string guessModality(const std::string& fileName, const Task& task) {
  const std::string stem = stemOf(fs::path(fileName).filename().string());
  if (stem.empty()) return {};
  const std::string key = gliomaKey(tokens(stem));
  if (key.empty()) return {};
  auto has = [&](const std::string& k) {
    return k == task.label || k == task.target || std::count(task.sources.begin(), task.sources.end(), k) > 0;
  };
  if (has(key)) return key;
  // The vs task names its keys after the same sequences.
  const std::map<std::string, std::string> vs = {{"t1ce", "ceT1"}, {"t2", "T2"}};
  const auto it = vs.find(key);
  return it != vs.end() && has(it->second) ? it->second : std::string();
}

Result<std::vector<std::string>> imageFilesOf(const std::vector<std::string>& paths) {
  std::set<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    const fs::path abs = fs::absolute(p, ec);
    if (!fs::exists(abs, ec)) return makeError(p, "does not exist");
    if (!fs::is_directory(abs, ec)) {
      files.insert(abs.lexically_normal().string());
      continue;
    }
    for (const auto& e : fs::directory_iterator(abs, ec))
      if (!e.is_directory(ec) && !hidden(e.path()) && !stemOf(e.path().filename().string()).empty())
        files.insert(e.path().lexically_normal().string());
  }
  if (files.empty()) return makeError(paths.empty() ? std::string("(no path)") : paths.front(), "holds no image file (.nii.gz, .nii, .nrrd, .mha)");
  return std::vector<std::string>(files.begin(), files.end());
}

std::string guessCaseId(const std::vector<std::string>& files) {
  if (files.empty()) return "case";
  std::set<std::string> folders;
  for (const auto& f : files) folders.insert(fs::path(f).parent_path().string());
  if (folders.size() == 1) {
    const fs::path folder(*folders.begin());
    std::string name = folder.filename().string();
    // BIDS: sub-01/[ses-1/]anat/ - the folder's name is the same for every subject.
    static const std::set<std::string> bids = {"anat", "dwi", "func", "perf", "fmap"};
    if (bids.count(name)) {
      const fs::path parent = folder.parent_path();
      name = parent.filename().string();
      if (name.rfind("ses-", 0) == 0) name = parent.parent_path().filename().string() + "_" + name;
    }
    if (!name.empty() && name != "/") return name;
  }
  const std::string separators = "_-. ";
  std::string common = fs::path(files.front()).filename().string();
  bool cutInWord = false;
  for (const auto& f : files) {
    const std::string n = fs::path(f).filename().string();
    size_t i = 0;
    while (i < common.size() && i < n.size() && common[i] == n[i]) ++i;
    if (i < n.size() && separators.find(n[i]) == std::string::npos) cutInWord = true;
    common.resize(i);
  }
  // "BraTS20_Training_001_t1" and "..._t2" share "..._001_t": the id ends before the word.
  if (cutInWord) {
    const size_t cut = common.find_last_of(separators);
    common.resize(cut == std::string::npos ? 0 : cut);
  }
  while (!common.empty() && separators.find(common.back()) != std::string::npos) common.pop_back();
  return common.empty() ? "case" : common;
}

LooseCase guessLooseCase(const std::vector<std::string>& files, const Task& task) {
  LooseCase c;
  c.id = guessCaseId(files);
  c.task = task;
  for (const auto& f : files)
    if (const std::string key = guessModality(f, task); !key.empty()) c.files.emplace(key, f);
  return c;
}

std::vector<std::string> looseCaseProblems(const LooseCase& c) {
  std::vector<std::string> problems;
  if (auto st = checkCaseId(c.id); !st) problems.push_back(st.error().message);
  else if (c.id[0] == '.') problems.push_back("the case id '" + c.id + "' starts with a dot (a hidden folder): rename it");
  bool source = false;
  for (const auto& [key, file] : c.files) {
    const bool isSource = std::count(c.task.sources.begin(), c.task.sources.end(), key) > 0;
    if (!isSource && key != c.task.target && key != c.task.label)
      problems.push_back("'" + key + "' is not a modality of the " + c.task.name + " task");
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) problems.push_back(file + ": not found");
    source = source || isSource;
  }
  if (!source) problems.push_back("no source image: at least one of the task's inputs is needed");
  return problems;
}

Status writeLooseCase(const LooseCase& c, const std::string& dir) {
  if (const auto problems = looseCaseProblems(c); !problems.empty()) return makeError(c.id, problems.front());
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return makeError(dir, "cannot create the folder: " + ec.message());
  Manifest m;
  m.layout = "files";
  m.task = c.task;
  m.cases = {c.id};
  m.patterns = c.files;
  return writeManifest(m, (fs::path(dir) / kManifestFile).string());
}

Result<LooseCase> keepLooseCase(LooseCase c, const std::string& casesRoot) {
  const std::string base = c.id;
  for (int k = 1; k < 1000; ++k) {
    c.id = k == 1 ? base : base + "-" + std::to_string(k);
    const fs::path dir = fs::path(casesRoot) / c.id;
    std::error_code ec;
    if (fs::exists(dir, ec) || fs::is_symlink(dir, ec)) {
      // The same files kept again (re-opened): the same folder. Anything else is another case.
      auto kept = readManifest((dir / kManifestFile).string());
      if (!kept || kept->layout != "files" || kept->patterns != c.files) continue;
    }
    if (auto st = writeLooseCase(c, dir.string()); !st) return st.error();
    return c;
  }
  return makeError(casesRoot, "holds too many cases named '" + base + "'");
}

}  // namespace tiss
