#pragma once
/// A PACS reached by DIMSE (DCMTK's dcmnet): echo, study and series queries (C-FIND, study
/// root), retrieval of series into a folder (C-GET: no route back to this machine needs to be
/// configured on the PACS), and sending results (C-STORE). Plain C++ (DCMTK stays behind it).
#include <functional>
#include <string>
#include <vector>

#include "tiss/util/result.h"

namespace tiss {

/// Where the PACS listens and who we say we are (configured once: the workbench's settings,
/// or tissnet dicom's --host, --port, --aet, --called-aet).
struct DicomNode {
  std::string host = "127.0.0.1";
  int port = 4242;
  std::string calledAe = "ORTHANC";  ///< the PACS's application entity title
  std::string callingAe = "TISSNET"; ///< ours
  int timeoutSeconds = 30;           ///< connection and each message
  /// DICOM TLS (PS3.15 BCP 195 profile) where the PACS offers it on this port.
  bool tls = false;
  /// PEM certificate(s) trusted to sign the PACS's certificate; "" with `tls`: the connection
  /// is encrypted but the PACS is not authenticated (said by tissnet dicom echo).
  std::string tlsTrustedCertificates;
  /// Our PEM certificate and key, for a PACS that requires clients to present one ("": none).
  std::string tlsCertificate, tlsPrivateKey;
};

/// What to list: empty fields match everything. Dates are YYYYMMDD.
struct StudyQuery {
  std::string patientId, patientName, dateFrom, dateTo, modality;
};

struct StudyMatch {
  std::string studyUid, patientId, patientName, studyDate, description, modalities;
  int seriesCount = 0;
};

struct SeriesMatch {
  std::string studyUid, seriesUid, modality, description;
  int seriesNumber = 0, instances = 0;
};

/// Called after each file received or sent with the count so far and the total (0 when the
/// PACS did not say); returning false cancels (the association is released).
using TransferProgress = std::function<bool(int done, int total)>;

/// C-ECHO: Status() when the PACS answers. Errors name host:port and what failed.
Status echoDicomNode(const DicomNode& node);
/// C-FIND at study level (patient id and name, study date range, modalities in study).
Result<std::vector<StudyMatch>> findStudies(const DicomNode& node, const StudyQuery& query);
/// C-FIND at series level within one study.
Result<std::vector<SeriesMatch>> findSeries(const DicomNode& node, const std::string& studyUid);

/// C-GET of one series into `outDir` (created; files named by their SOP instance UID, written
/// atomically; an instance whose UID is not a valid UID is refused by name). A file already
/// there under an instance's name is kept, never replaced (the same instance, retrieved before);
/// a link or folder in its place fails the retrieval by name. Returns the series' files. A cancel keeps the files already complete and says "cancelled".
Result<std::vector<std::string>> retrieveSeries(const DicomNode& node, const std::string& studyUid, const std::string& seriesUid,
                                                const std::string& outDir, const TransferProgress& progress = {});

/// C-STORE of `files` (MR images, SEG...); fails naming the first file the PACS refused.
Status storeFiles(const DicomNode& node, const std::vector<std::string>& files, const TransferProgress& progress = {});

}  // namespace tiss
