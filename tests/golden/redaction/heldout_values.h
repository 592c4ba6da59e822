// Makers of the extra tricky negatives the held-out PII set plants (values real
// feedback carries that resemble PII but are not): UUIDs, hex hashes and request ids,
// ISO timestamps, private network endpoints with ports, stack frames, and past dates
// that are not birth dates. The PII makers and the other negatives are those of
// pii_values.h. Every maker draws only from the given SampleRandom. Thread-compatible.
#pragma once

#include <string>
#include <string_view>

#include "tests/golden/redaction/pii_values.h"

namespace docket::golden::redaction {

std::string MakeUuid(SampleRandom& rng);             // 8-4-4-4-12 lower-case hex, version 4
std::string MakeHexSha(SampleRandom& rng);           // a 7- or 40-digit git hash
std::string MakeRequestId(SampleRandom& rng);        // "7f3a9c1e2b4d5f60", "req_8KdP2mQx7LzR1v"
std::string MakeIsoTimestamp(SampleRandom& rng);     // "2025-11-03T14:22:05.118Z"
std::string MakeCsvTimestamp(SampleRandom& rng);     // "2025-11-03 14:22:05"
std::string MakePrivateEndpoint(SampleRandom& rng);  // "10.0.4.17:8443", "localhost:8080"
std::string MakeStackFrame(
    SampleRandom& rng);  // "at com.acme.pay.PaySheet.submit(PaySheet.kt:214)"
// A date between 2008 and 2020 in one of the region's spellings ("member since ...").
std::string MakePastDate(SampleRandom& rng, std::string_view region);

}  // namespace docket::golden::redaction
