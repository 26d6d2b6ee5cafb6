#pragma once
// Data set layouts detected from their files (BraTS 2020/2021, BraTS 2023-2025, MSD, nnU-Net v2).
#include <optional>
#include <string>
#include <vector>

#include "tiss/data/dataset.h"

namespace tiss {

/// The layout of `dir` (whose case folders are `folders`) as a manifest naming it, with the
/// task's keys mapped to the layout's own file names; nullopt when none matches; an error
/// naming the file when a layout's description (nnU-Net's dataset.json) is malformed.
Result<std::optional<Manifest>> detectLayout(const std::string& dir, const std::vector<std::string>& folders);

/// True for the layouts whose cases are files in imagesTr/ (and imagesTs/): nnU-Net, MSD.
bool imagesFolderLayout(const Manifest& manifest);

/// Case ids of an images-folder layout found in `folder` (imagesTr or imagesTs: nnU-Net's
/// CASE_0000.nii.gz, MSD's 4D CASE.nii.gz); empty for folder-per-case layouts.
std::vector<std::string> layoutCaseIds(const std::string& dir, const Manifest& manifest, const std::string& folder = "imagesTr");

/// `name` without its image extension (.nii.gz, .nii, .nrrd, .mha, .mhd, .nhdr), which goes to
/// `ext`; "" when it has none of them.
std::string splitImageExtension(const std::string& name, std::string* ext);

}  // namespace tiss
