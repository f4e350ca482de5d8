// Uploads a local file with the official Azure SDK, so tst_azure_blob_vault can
// check that Holdfast reads what the SDK wrote (bytes, metadata, Content-MD5).
//
// usage: AZURE_STORAGE_CONNECTION_STRING=... node upload.mjs <container> <blob> <file> [metadata-json] [content-type]
// prints one JSON line: {"etag": "...", "contentMD5": "<base64>"}
import { BlobServiceClient } from "@azure/storage-blob";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

const [container, blobName, file, metadataJson, contentType] = process.argv.slice(2);
if (!container || !blobName || !file) {
    console.error("usage: node upload.mjs <container> <blob> <file> [metadata-json] [content-type]");
    process.exit(2);
}
const connectionString = process.env.AZURE_STORAGE_CONNECTION_STRING;
if (!connectionString) {
    console.error("AZURE_STORAGE_CONNECTION_STRING is not set");
    process.exit(2);
}

const data = readFileSync(file);
const md5 = createHash("md5").update(data).digest();
const service = BlobServiceClient.fromConnectionString(connectionString);
const containerClient = service.getContainerClient(container);
await containerClient.createIfNotExists();
const blob = containerClient.getBlockBlobClient(blobName);
const response = await blob.uploadData(data, {
    metadata: metadataJson ? JSON.parse(metadataJson) : undefined,
    blobHTTPHeaders: { blobContentMD5: md5, blobContentType: contentType || "application/octet-stream" },
    // One Put Blob, so the service keeps the MD5 we send as the blob's Content-MD5.
    maxSingleShotSize: 256 * 1024 * 1024,
});
console.log(JSON.stringify({ etag: response.etag, contentMD5: md5.toString("base64") }));
