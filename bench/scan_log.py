#!/usr/bin/env python3
"""Writes a realistic backup-product job log for bench/scan.sh: noise lines plus known errors.

Usage: scan_log.py OUT_FILE SIZE_MB [ERROR_PERMILLE] > manifest.tsv

The log is the product's service log (log4net shape: "2026-06-01 02:00:14,551 INFO  [Component]
[Worker-3] text"), with the everyday noise of a SharePoint backup: sites and lists processed, HTTP
requests with status and timing, token refreshes, throttling back-offs, progress and summaries.
About ERROR_PERMILLE per thousand lines (default 1) are errors whose messages spdoctor knows; a
third of those carry a .NET stack trace on the next lines, and some AADSTS messages are word-wrapped
over two lines by the product's 160-column line limit. The manifest printed on standard output
lists, per signature id, how many seeded errors the scan must count. Deterministic (fixed seed).
"""
import random
import sys
import textwrap

out_path = sys.argv[1]
size = int(sys.argv[2]) * 1024 * 1024
permille = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
rnd = random.Random(20260601)

SITES = ["Finance", "HR", "Legal", "Marketing", "Sales", "Engineering", "Projects", "Board", "IT", "Facilities"]
LISTS = ["Documents", "Shared Documents", "Site Pages", "Tasks", "Calendar", "Announcements", "Contracts", "Invoices"]
COMPONENTS = ["BackupJob", "Http", "Token", "Graph", "Storage", "Scheduler", "Csom"]
TENANT = "contoso.onmicrosoft.com"
CLIENT = "0b6a4b23-9c1e-4f7d-8a25-3e6d1f9c7b40"


def guid():
    return "%08x-%04x-4%03x-%04x-%012x" % (rnd.getrandbits(32), rnd.getrandbits(16), rnd.getrandbits(12),
                                           0x8000 | rnd.getrandbits(14), rnd.getrandbits(48))


def noise(worker):
    site = rnd.choice(SITES)
    lst = rnd.choice(LISTS)
    r = rnd.random()
    if r < 0.30:
        ms = rnd.randint(20, 900)
        return ("DEBUG", "Http", "GET https://contoso.sharepoint.com/sites/%s/_api/web/lists/getbytitle('%s')/items"
                "?$top=500&$skiptoken=Paged%%3dTRUE%%26p_ID%%3d%d HTTP/1.1 200 OK %d ms request-id: %s"
                % (site, lst, rnd.randint(1, 90000), ms, guid()))
    if r < 0.50:
        return ("INFO", "BackupJob", "Backed up %d items from list '%s' on site https://contoso.sharepoint.com/sites/%s"
                " (%.1f MB) in %.1f s" % (rnd.randint(1, 500), lst, site, rnd.random() * 80, rnd.random() * 9))
    if r < 0.62:
        return ("DEBUG", "Csom", "ExecuteQuery for web https://contoso.sharepoint.com/sites/%s completed: %d objects,"
                " SPRequestGuid %s" % (site, rnd.randint(1, 40), guid()))
    if r < 0.72:
        return ("INFO", "Storage", "Wrote chunk %d of %d to repository \\\\backup01\\m365\\%s (%d bytes, sha256 %s)"
                % (rnd.randint(1, 400), 400, site.lower(), rnd.randint(10000, 4000000), "%064x" % rnd.getrandbits(256)))
    if r < 0.80:
        return ("DEBUG", "Graph", "GET https://graph.microsoft.com/v1.0/sites/contoso.sharepoint.com:/sites/%s:/drives"
                " returned 200 in %d ms (client-request-id %s)" % (site, rnd.randint(30, 700), guid()))
    if r < 0.86:
        return ("INFO", "Scheduler", "Job 'Nightly SharePoint backup' progress: %d of %d sites, %d%% complete, status"
                " Running" % (rnd.randint(1, 120), 120, rnd.randint(0, 99)))
    if r < 0.91:
        return ("DEBUG", "Token", "Acquired app-only access token for https://contoso.sharepoint.com (client id %s,"
                " tenant %s), expires in 3599 s" % (CLIENT, TENANT))
    if r < 0.95:
        return ("WARN", "Http", "Request to https://contoso.sharepoint.com/sites/%s/_api/web took %d ms; slow response,"
                " continuing" % (site, rnd.randint(2000, 9000)))
    if r < 0.98:
        return ("INFO", "BackupJob", "Skipping list '%s' on site %s: not changed since the last backup" % (lst, site))
    return ("DEBUG", "Csom", "Retrying request after a transient error (attempt %d of 5), waiting %d ms"
            % (rnd.randint(1, 4), rnd.randint(100, 3000)))


# Seeded errors: (signature id, level, component, message lines). The scan must count each once.
ERRORS = [
    ("aadsts700016-application-not-found", "ERROR", "Token",
     ["MsalServiceException: AADSTS700016: Application with identifier '%s' was not found in the directory '%s'."
      " This can happen if the application has not been installed by the administrator of the tenant or consented"
      " to by any user in the tenant. Trace ID: {g} Correlation ID: {g} Timestamp: 2026-06-01 02:00:14Z"
      % (CLIENT, TENANT)]),
    ("aadsts7000222-client-secret-expired", "ERROR", "Token",
     ["AADSTS7000222: The provided client secret keys for app '%s' are expired. Visit the Azure portal to create new"
      " keys for your app, or consider using certificate credentials for added security. Trace ID: {g}" % CLIENT]),
    ("failed-to-list-objects", "ERROR", "BackupJob",
     ["Failed to list site collections from the target server. Make sure that you properly defined the SharePoint"
      " connection and that the administrator's account used in the connection has sufficient access rights."]),
    ("spo-rest-access-denied", "ERROR", "Csom",
     ["Microsoft.SharePoint.Client.ServerUnauthorizedAccessException: Attempted to perform an unauthorized operation.",
      "   at Microsoft.SharePoint.Client.ClientRequest.ProcessResponseStream(Stream responseStream)",
      "   at Microsoft.SharePoint.Client.ClientRequest.ExecuteQueryToServer(ChunkStringBuilder sb)",
      "   at CodeTwo.Backup.SharePoint.SiteReader.ReadLists(ClientContext context)"]),
    ("request-throttled", "WARN", "Http",
     ["GET https://contoso.sharepoint.com/sites/Finance/_api/web/lists returned HTTP/1.1 429 Too Many Requests"
      " (Retry-After: 120)"]),
    ("tenant-not-found", "ERROR", "Token", ["Tenant '%s' not found." % "contoso.onmicrosoft.con"]),
    ("idcrl-no-response", "ERROR", "Csom",
     ["Microsoft.SharePoint.Client.IdcrlException: Identity Client Runtime Library (IDCRL) did not get a response"
      " from the Login server.",
      "   at Microsoft.SharePoint.Client.Idcrl.ManagedIdcrl.GetServiceToken()"]),
    ("java-pkix-path-building-failed", "ERROR", "Http",
     ["javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath."
      "SunCertPathBuilderException: unable to find valid certification path to requested target"]),
    ("aadsts65001-consent-missing", "ERROR", "Token",
     ["AADSTS65001: The user or administrator has not consented to use the application with ID '%s' named"
      " 'CodeTwo Backup'. Send an interactive authorization request for this user and resource." % CLIENT]),
    ("dotnet-remote-certificate-invalid", "ERROR", "Http",
     ["System.Net.WebException: The underlying connection was closed: Could not establish trust relationship for"
      " the SSL/TLS secure channel. ---> System.Security.Authentication.AuthenticationException: The remote"
      " certificate is invalid according to the validation procedure."]),
]
WRAP = 160

counts = {}
t = 2 * 3600 * 1000  # ms since midnight, 2026-06-01
written = 0
lines = 0
with open(out_path, "w", encoding="utf-8", newline="\n") as f:
    buf = []
    while written < size:
        t += rnd.randint(0, 40)
        worker = rnd.randint(1, 8)
        h, rest = divmod(t // 1000 % 86400, 3600)
        stamp = "2026-06-01 %02d:%02d:%02d,%03d" % (h, rest // 60, rest % 60, t % 1000)
        if rnd.random() < permille / 1000.0:
            sig, level, comp, msg = rnd.choice(ERRORS)
            counts[sig] = counts.get(sig, 0) + 1
            first = "%s %-5s [%s] [Worker-%d] %s" % (stamp, level, comp, worker, msg[0].replace("{g}", guid()))
            if sig.startswith("aadsts700016") and rnd.random() < 0.5:
                # the product word-wraps long lines at 160 columns
                out = textwrap.wrap(first, WRAP, break_long_words=False, break_on_hyphens=False)
            else:
                out = [first]
            out += msg[1:]
        else:
            level, comp, text = noise(worker)
            out = ["%s %-5s [%s] [Worker-%d] %s" % (stamp, level, comp, worker, text)]
        for line in out:
            buf.append(line)
            written += len(line) + 1
            lines += 1
        if len(buf) >= 4096:
            f.write("\n".join(buf))
            f.write("\n")
            buf = []
    if buf:
        f.write("\n".join(buf))
        f.write("\n")

for sig in sorted(counts):
    print("%s\t%d" % (sig, counts[sig]))
print("lines\t%d" % lines, file=sys.stderr)
