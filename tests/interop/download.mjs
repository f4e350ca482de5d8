// Downloads a blob with the official Azure SDK and describes it, so
// tst_azure_blob_vault can check that the SDK reads what Holdfast wrote.
//
// usage: AZURE_STORAGE_CONNECTION_STRING=... node download.mjs <container> <blob>
// prints one JSON line: {"sha256", "bytes", "contentMD5" (base64 or ""), "contentType", "etag", "metadata"}
import { BlobServiceClient } from "@azure/storage-blob";
import { createHash } from "node:crypto";

const [container, blobName] = process.argv.slice(2);
if (!container || !blobName) {
    console.error("usage: node download.mjs <container> <blob>");
    process.exit(2);
}
const connectionString = process.env.AZURE_STORAGE_CONNECTION_STRING;
if (!connectionString) {
    console.error("AZURE_STORAGE_CONNECTION_STRING is not set");
    process.exit(2);
}

const blob = BlobServiceClient.fromConnectionString(connectionString)
    .getContainerClient(container)
    .getBlobClient(blobName);
const data = await blob.downloadToBuffer();
const properties = await blob.getProperties();
console.log(JSON.stringify({
    sha256: createHash("sha256").update(data).digest("hex"),
    bytes: data.length,
    contentMD5: properties.contentMD5 ? Buffer.from(properties.contentMD5).toString("base64") : "",
    contentType: properties.contentType || "",
    etag: properties.etag,
    metadata: properties.metadata || {},
}));
