// Lists and downloads every blob of a container with the official Azure SDK,
// so tst_sync can check that the SDK reads what holdfast-cli upload wrote.
//
// usage: AZURE_STORAGE_CONNECTION_STRING=... node list-tree.mjs <container>
// prints one JSON line per blob: {"name", "bytes", "sha256"}
import { BlobServiceClient } from "@azure/storage-blob";
import { createHash } from "node:crypto";

const [container] = process.argv.slice(2);
if (!container) {
    console.error("usage: node list-tree.mjs <container>");
    process.exit(2);
}
const connectionString = process.env.AZURE_STORAGE_CONNECTION_STRING;
if (!connectionString) {
    console.error("AZURE_STORAGE_CONNECTION_STRING is not set");
    process.exit(2);
}

const containerClient = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(container);
for await (const blob of containerClient.listBlobsFlat()) {
    const data = await containerClient.getBlobClient(blob.name).downloadToBuffer();
    console.log(JSON.stringify({
        name: blob.name,
        bytes: data.length,
        sha256: createHash("sha256").update(data).digest("hex"),
    }));
}
