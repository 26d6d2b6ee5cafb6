// DIMSE with DCMTK's DcmSCU: one association per call, released (or aborted) before return.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <dcmtk/dcmnet/scu.h>
#include <dcmtk/dcmtls/tlslayer.h>

#include <filesystem>
#include <memory>
#include <regex>

#include "dicom/dicom_files.h"
#include "tiss/dicom/dicom_network.h"

namespace fs = std::filesystem;

namespace tiss {
namespace {

std::string where(const DicomNode& n) { return n.calledAe + "@" + n.host + ":" + std::to_string(n.port) + (n.tls ? " (TLS)" : ""); }

OFList<OFString> transferSyntaxes() {
  OFList<OFString> ts;
  ts.push_back(UID_LittleEndianExplicitTransferSyntax);
  ts.push_back(UID_LittleEndianImplicitTransferSyntax);
  return ts;
}

// What C-GET may send us back: MR images (classic and enhanced), segmentations, and the
// secondary captures some PACS add to a study.
const char* const kRetrievable[] = {UID_MRImageStorage, UID_EnhancedMRImageStorage, UID_SegmentationStorage, UID_SecondaryCaptureImageStorage};

// Holds the TLS layer: as the first base it outlives DcmSCU, which uses it until destroyed.
struct TlsHolder {
  std::unique_ptr<DcmTLSTransportLayer> tls;
};

// A DcmSCU that writes what C-GET sends through our own atomic writer under checked names,
// and reports progress.
class Scu : private TlsHolder, public DcmSCU {
 public:
  using TlsHolder::tls;
  OFCondition secure() { return useSecureConnection(tls.get()); }
  std::string outDir;
  TransferProgress progress;
  std::vector<std::string> written;
  std::string refused;
  int total = 0;
  bool cancelled = false;

  OFCondition handleCGETResponse(const T_ASC_PresentationContextID presID, RetrieveResponse* response, OFBool& go) override {
    if (response) total = int(response->m_numberOfRemainingSubops + response->m_numberOfCompletedSubops + response->m_numberOfFailedSubops);
    return DcmSCU::handleCGETResponse(presID, response, go);
  }

  OFCondition handleSTORERequest(const T_ASC_PresentationContextID, DcmDataset* object, OFBool& go, Uint16& status) override {
    OFString uid;
    object->findAndGetOFString(DCM_SOPInstanceUID, uid);
    static const std::regex valid("[0-9]+(\\.[0-9]+)*");
    if (uid.length() > 64 || !std::regex_match(uid.c_str(), valid)) {
      refused = "an instance with the SOP instance UID '" + std::string(uid.c_str()) + "' (not a valid UID) was refused";
      status = STATUS_STORE_Error_CannotUnderstand;
      return EC_Normal;
    }
    const std::string file = (fs::path(outDir) / (std::string(uid.c_str()) + ".dcm")).string();
    // Nothing already there is replaced: a file of that name is the same instance retrieved
    // before (its UID is its name) and is kept; a link or folder in its place is refused.
    std::error_code ec;
    const auto there = fs::symlink_status(file, ec);
    if (fs::exists(there) && !fs::is_regular_file(there)) {
      refused = file + " is in the way (a link or folder, not a file this program wrote): not replaced";
      status = STATUS_STORE_Refused_OutOfResources;
      return EC_Normal;
    }
    DcmFileFormat ff(object);
    const Status ok = fs::exists(there) ? Status()
                                        : saveAtomically(file, [&](const std::string& tmp) { return ff.saveFile(tmp.c_str(), EXS_LittleEndianExplicit); });
    status = ok ? STATUS_Success : STATUS_STORE_Refused_OutOfResources;
    if (ok) written.push_back(file);
    if (progress && !progress(int(written.size()), total)) go = OFFalse, cancelled = true;
    return EC_Normal;
  }
};

// The TLS layer of `n`: the BCP 195 profile, the PACS verified against the trusted
// certificates when given, our certificate when given.
Result<std::unique_ptr<DcmTLSTransportLayer>> tlsLayer(const DicomNode& n) {
  auto layer = std::make_unique<DcmTLSTransportLayer>(NET_REQUESTOR, nullptr, OFTrue);
  auto bad = [&](const std::string& file, const std::string& what, const OFCondition& c) {
    return makeError(file, what + ": " + c.text());
  };
  OFCondition c = layer->setTLSProfile(TSP_Profile_BCP195);
  if (c.good()) c = layer->activateCipherSuites();
  if (c.bad()) return bad(where(n), "TLS cannot be set up", c);
  if (!n.tlsTrustedCertificates.empty()) {
    if ((c = layer->addTrustedCertificateFile(n.tlsTrustedCertificates.c_str(), DCF_Filetype_PEM)).bad())
      return bad(n.tlsTrustedCertificates, "not a PEM certificate file", c);
    layer->setCertificateVerification(DCV_requireCertificate);
  } else {
    layer->setCertificateVerification(DCV_ignoreCertificate);
  }
  if (!n.tlsCertificate.empty()) {
    if ((c = layer->setPrivateKeyFile(n.tlsPrivateKey.c_str(), DCF_Filetype_PEM)).bad()) return bad(n.tlsPrivateKey, "not a PEM private key", c);
    if ((c = layer->setCertificateFile(n.tlsCertificate.c_str(), DCF_Filetype_PEM)).bad()) return bad(n.tlsCertificate, "not a PEM certificate", c);
    if (!layer->checkPrivateKeyMatchesCertificate()) return makeError(n.tlsPrivateKey, "does not match the certificate " + n.tlsCertificate);
  }
  return layer;
}

Status connect(Scu& scu, const DicomNode& n, const std::vector<std::pair<const char*, T_ASC_SC_ROLE>>& contexts) {
  quietDcmtkLog();
  scu.setAETitle(n.callingAe.c_str());
  scu.setPeerAETitle(n.calledAe.c_str());
  scu.setPeerHostName(n.host.c_str());
  scu.setPeerPort(Uint16(n.port));
  scu.setACSETimeout(Uint32(n.timeoutSeconds));
  scu.setConnectionTimeout(Sint32(n.timeoutSeconds));
  scu.setDIMSEBlockingMode(DIMSE_NONBLOCKING);
  scu.setDIMSETimeout(Uint32(n.timeoutSeconds));
  for (const auto& [syntax, role] : contexts) scu.addPresentationContext(syntax, transferSyntaxes(), role);
  OFCondition c = scu.initNetwork();
  if (c.good() && n.tls) {  // the layer goes onto the network initNetwork made
    auto layer = tlsLayer(n);
    if (!layer) return layer.error();
    scu.tls = std::move(*layer);
    if ((c = scu.secure()).bad()) return makeError(where(n), std::string("TLS: ") + c.text());
  }
  if (c.good()) c = scu.negotiateAssociation();
  if (c.bad()) return makeError(where(n), std::string("no association: ") + c.text());
  return Status();
}

T_ASC_PresentationContextID contextFor(Scu& scu, const char* syntax) { return scu.findPresentationContextID(syntax, ""); }

std::string text(DcmItem* d, const DcmTagKey& key) {
  OFString v;
  return d && d->findAndGetOFStringArray(key, v).good() ? std::string(v.c_str()) : std::string();
}

// Runs one C-FIND; the answers' datasets, in order.
Result<std::vector<std::unique_ptr<DcmDataset>>> find(const DicomNode& n, DcmDataset& keys) {
  Scu scu;
  if (auto ok = connect(scu, n, {{UID_FINDStudyRootQueryRetrieveInformationModel, ASC_SC_ROLE_DEFAULT}}); !ok) return ok.error();
  const auto pc = contextFor(scu, UID_FINDStudyRootQueryRetrieveInformationModel);
  if (pc == 0) return makeError(where(n), "does not offer study-root queries (C-FIND)");
  OFList<QRResponse*> responses;
  const OFCondition c = scu.sendFINDRequest(pc, &keys, &responses);
  std::vector<std::unique_ptr<DcmDataset>> out;
  for (QRResponse* r : responses) {
    if (r->m_dataset) out.emplace_back(new DcmDataset(*r->m_dataset));
    delete r;
  }
  scu.releaseAssociation();
  if (c.bad()) return makeError(where(n), std::string("query failed: ") + c.text());
  return out;
}

}  // namespace

Status echoDicomNode(const DicomNode& n) {
  Scu scu;
  if (auto ok = connect(scu, n, {{UID_VerificationSOPClass, ASC_SC_ROLE_DEFAULT}}); !ok) return ok;
  const OFCondition c = scu.sendECHORequest(contextFor(scu, UID_VerificationSOPClass));
  scu.releaseAssociation();
  if (c.bad()) return makeError(where(n), std::string("no answer to C-ECHO: ") + c.text());
  return Status();
}

Result<std::vector<StudyMatch>> findStudies(const DicomNode& n, const StudyQuery& q) {
  DcmDataset keys;
  keys.putAndInsertString(DCM_QueryRetrieveLevel, "STUDY");
  keys.putAndInsertString(DCM_StudyInstanceUID, "");
  keys.putAndInsertString(DCM_PatientID, q.patientId.c_str());
  keys.putAndInsertString(DCM_PatientName, q.patientName.c_str());
  keys.putAndInsertString(DCM_StudyDate, q.dateFrom.empty() && q.dateTo.empty() ? "" : (q.dateFrom + "-" + q.dateTo).c_str());
  keys.putAndInsertString(DCM_StudyDescription, "");
  keys.putAndInsertString(DCM_ModalitiesInStudy, q.modality.c_str());
  keys.putAndInsertString(DCM_NumberOfStudyRelatedSeries, "");
  auto answers = find(n, keys);
  if (!answers) return answers.error();
  std::vector<StudyMatch> out;
  for (const auto& d : *answers)
    out.push_back({text(d.get(), DCM_StudyInstanceUID), text(d.get(), DCM_PatientID), text(d.get(), DCM_PatientName),
                   text(d.get(), DCM_StudyDate), text(d.get(), DCM_StudyDescription), text(d.get(), DCM_ModalitiesInStudy),
                   std::atoi(text(d.get(), DCM_NumberOfStudyRelatedSeries).c_str())});
  return out;
}

Result<std::vector<SeriesMatch>> findSeries(const DicomNode& n, const std::string& studyUid) {
  DcmDataset keys;
  keys.putAndInsertString(DCM_QueryRetrieveLevel, "SERIES");
  keys.putAndInsertString(DCM_StudyInstanceUID, studyUid.c_str());
  keys.putAndInsertString(DCM_SeriesInstanceUID, "");
  keys.putAndInsertString(DCM_Modality, "");
  keys.putAndInsertString(DCM_SeriesDescription, "");
  keys.putAndInsertString(DCM_SeriesNumber, "");
  keys.putAndInsertString(DCM_NumberOfSeriesRelatedInstances, "");
  auto answers = find(n, keys);
  if (!answers) return answers.error();
  std::vector<SeriesMatch> out;
  for (const auto& d : *answers)
    out.push_back({studyUid, text(d.get(), DCM_SeriesInstanceUID), text(d.get(), DCM_Modality), text(d.get(), DCM_SeriesDescription),
                   std::atoi(text(d.get(), DCM_SeriesNumber).c_str()), std::atoi(text(d.get(), DCM_NumberOfSeriesRelatedInstances).c_str())});
  return out;
}

Result<std::vector<std::string>> retrieveSeries(const DicomNode& n, const std::string& studyUid, const std::string& seriesUid,
                                                const std::string& outDir, const TransferProgress& progress) {
  std::error_code ec;
  if (fs::is_symlink(outDir, ec)) return makeError(outDir, "is a symbolic link; give a real folder");
  fs::create_directories(outDir, ec);
  if (ec) return makeError(outDir, "cannot be created: " + ec.message());
  Scu scu;
  scu.outDir = outDir;
  scu.progress = progress;
  std::vector<std::pair<const char*, T_ASC_SC_ROLE>> contexts{{UID_GETStudyRootQueryRetrieveInformationModel, ASC_SC_ROLE_DEFAULT}};
  for (const char* storage : kRetrievable) contexts.push_back({storage, ASC_SC_ROLE_SCP});
  if (auto ok = connect(scu, n, contexts); !ok) return ok.error();
  const auto pc = contextFor(scu, UID_GETStudyRootQueryRetrieveInformationModel);
  if (pc == 0) return makeError(where(n), "does not offer study-root retrieval (C-GET)");
  DcmDataset keys;
  keys.putAndInsertString(DCM_QueryRetrieveLevel, "SERIES");
  keys.putAndInsertString(DCM_StudyInstanceUID, studyUid.c_str());
  keys.putAndInsertString(DCM_SeriesInstanceUID, seriesUid.c_str());
  OFList<RetrieveResponse*> responses;
  const OFCondition c = scu.sendCGETRequest(pc, &keys, &responses);
  for (auto* r : responses) delete r;
  if (scu.cancelled) scu.abortAssociation();
  else scu.releaseAssociation();
  if (scu.cancelled) return makeError(where(n), "cancelled after " + std::to_string(scu.written.size()) + " files");
  if (!scu.refused.empty()) return makeError(where(n), scu.refused);
  if (c.bad()) return makeError(where(n), std::string("retrieval failed: ") + c.text());
  if (scu.written.empty()) return makeError(where(n), "sent no images for series " + seriesUid);
  return scu.written;
}

Status storeFiles(const DicomNode& n, const std::vector<std::string>& files, const TransferProgress& progress) {
  std::vector<std::pair<const char*, T_ASC_SC_ROLE>> contexts;
  std::vector<std::string> classes;
  for (const auto& f : files) {
    auto ids = readInstanceIds(f);
    if (!ids) return ids.error();
    if (std::find(classes.begin(), classes.end(), ids->sopClassUid) == classes.end()) classes.push_back(ids->sopClassUid);
  }
  for (const auto& c : classes) contexts.push_back({c.c_str(), ASC_SC_ROLE_DEFAULT});
  Scu scu;
  if (auto ok = connect(scu, n, contexts); !ok) return ok;
  int done = 0;
  for (const auto& f : files) {
    auto ids = readInstanceIds(f);
    Uint16 status = 0;
    const OFCondition c = scu.sendSTORERequest(contextFor(scu, ids->sopClassUid.c_str()), f.c_str(), nullptr, status);
    if (c.bad() || status != STATUS_Success) {
      scu.releaseAssociation();
      return makeError(f, std::string("refused by ") + where(n) + ": " + (c.bad() ? c.text() : "status " + std::to_string(status)));
    }
    if (progress && !progress(++done, int(files.size()))) {
      scu.releaseAssociation();
      return makeError(where(n), "cancelled after " + std::to_string(done) + " files");
    }
  }
  scu.releaseAssociation();
  return Status();
}

}  // namespace tiss
