// The MRI sequence of a series from the words vendors put in its description, protocol and
// sequence name. Ordered rules: FLAIR before T2 (a FLAIR is T2-weighted), contrast decides T1.
#include <algorithm>
#include <cctype>
#include <regex>

#include "tiss/dicom/dicom_scan.h"

namespace tiss {
namespace {

bool has(const std::string& text, const char* pattern) { return std::regex_search(text, std::regex(pattern)); }

}  // namespace

std::string guessSequence(const std::string& description, const std::string& protocol, const std::string& sequenceName,
                          bool contrast) {
  std::string t = " " + description + " " + protocol + " " + sequenceName + " ";
  std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  std::replace_if(t.begin(), t.end(), [](char c) { return c == '_' || c == '-' || c == '/' || c == '(' || c == ')'; }, ' ');
  // FLAIR: Siemens t2_tirm_dark-fluid / t2_space_dark-fluid, GE "T2 FLAIR", Philips "FLAIR".
  if (has(t, "flair|dark ?fluid|darkfluid|tirm")) return "t2f";
  const bool t1 = has(t, "\\bt1|mprage|mp rage|bravo|spgr|\\btfe\\b|\\bvibe\\b|\\bflash\\b|\\bfl3d|\\bt1w|\\btfl\\b");
  const bool t2 = has(t, "\\bt2|\\bt2w|\\btse\\b|\\bfse\\b|\\bspace\\b|\\bhaste\\b|propeller|blade");
  // Contrast: "+C", "+ C", "post", "gad", "Gd", "KM"/"kontrast" (German sites), "ce", or the
  // ContrastBolusAgent tag.
  const bool enhanced = contrast || has(t, "\\+ ?c\\b|\\+ ?gd|\\bpost|\\bgad|\\bgd\\b|contrast|kontrast|\\bkm\\b|\\bce\\b|\\bc\\+");
  if (t1) return enhanced ? "t1c" : "t1n";
  if (t2) return "t2w";
  return "";
}

}  // namespace tiss
