// Uploads a folder vault (every file under keys/ and recordings/) with the
// official Azure SDK, so tst_sync can check that a vault written by other
// tools syncs exactly like one written by holdfast-cli upload.
//
// usage: AZURE_STORAGE_CONNECTION_STRING=... node upload-tree.mjs <container> <folder>
// prints one JSON line: {"uploaded": <files>}
import { BlobServiceClient } from "@azure/storage-blob";
import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

const [container, folder] = process.argv.slice(2);
if (!container || !folder) {
    console.error("usage: node upload-tree.mjs <container> <folder>");
    process.exit(2);
}
const connectionString = process.env.AZURE_STORAGE_CONNECTION_STRING;
if (!connectionString) {
    console.error("AZURE_STORAGE_CONNECTION_STRING is not set");
    process.exit(2);
}

function walk(dir) {
    return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

const containerClient = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(container);
await containerClient.createIfNotExists();
let uploaded = 0;
for (const top of ["keys", "recordings"]) {
    for (const path of walk(join(folder, top))) {
        const name = relative(folder, path).split(sep).join("/");
        await containerClient.getBlockBlobClient(name).uploadFile(path);
        uploaded++;
    }
}
console.log(JSON.stringify({ uploaded }));
