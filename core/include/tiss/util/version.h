#pragma once
/// The one version of the product: CMake's project(VERSION), printed by `tissnet --version`,
/// `tissnet-workbench --version` and its About dialog, and recorded in every run.json,
/// inference.json, evaluation sidecar and exported table.
namespace tiss {

/// "MAJOR.MINOR.PATCH", e.g. "0.1.0".
const char* version();

}  // namespace tiss
