#pragma once
/// One case outside any data set: a case folder or a few image files a user opens or drops.
/// Its modalities are guessed from the file names for the user to correct; it is then kept as
/// a small folder holding only a manifest.json (layout "files", absolute paths), so
/// openDataset() reads it as a data set of this one case and every command (view, infer)
/// handles it like any other. The user's files are never copied, moved or written.
#include <map>
#include <string>
#include <vector>

#include "tiss/data/dataset.h"

namespace tiss {

/// The key of `task` that an image file's name suggests, compared case-insensitively by the
/// name's tokens (split at _ - . and spaces, extension removed): BraTS 2020/2021 (t1, t1ce, t2,
/// flair, seg), BraTS 2023-2025 (t1n, t1c, t2w, t2f) and common words (T1w, T1Gd, post,
/// contrast, FLAIR, label, mask); for the vs task ceT1 / T2 / seg. "" when nothing matches.
std::string guessModality(const std::string& fileName, const Task& task = gliomaTask());

/// The image files (.nii.gz, .nii, .nrrd, .mha, .mhd, .nhdr) among `paths`: a folder gives its
/// own image files (not its subfolders'), a file is taken as it is; absolute, sorted, without
/// duplicates and hidden (._) files. An error names a path that does not exist, or says that
/// no image file was found.
Result<std::vector<std::string>> imageFilesOf(const std::vector<std::string>& paths);

/// A case id for `files`: their folder's name when they all share one (a BIDS "anat" folder
/// names its subject and session: "sub-01_ses-1"), else the longest common start of their
/// names (trimmed of _ - .), else "case".
std::string guessCaseId(const std::vector<std::string>& files);

struct LooseCase {
  std::string id;
  Task task = gliomaTask();
  std::map<std::string, std::string> files;  ///< task key -> absolute image file
};

/// The files guessed as `task`'s keys (a file whose name suggests no key, or a key a previous
/// file already took, is left out), with a guessed id.
LooseCase guessLooseCase(const std::vector<std::string>& files, const Task& task = gliomaTask());

/// What prevents opening `c`: an id breaking the case-id rule (checkCaseId) or starting with a
/// dot, a key that is not the task's, a missing file, or no source image at all. Empty when it
/// can be opened.
std::vector<std::string> looseCaseProblems(const LooseCase& c);

/// Writes DIR/manifest.json describing `c` (DIR is created; an existing manifest there is
/// replaced atomically). openDataset(DIR) then lists exactly this case, held out of any split.
Status writeLooseCase(const LooseCase& c, const std::string& dir);

/// Keeps `c` in the workspace's cases folder as `casesRoot`/ID/manifest.json and returns the
/// case as kept. ID is c.id when that folder is free or already describes the same files; else
/// ID-2, ID-3... (the case's id becomes that too): two patients never share a folder, and a
/// case kept earlier is never replaced by another.
Result<LooseCase> keepLooseCase(LooseCase c, const std::string& casesRoot);

}  // namespace tiss
