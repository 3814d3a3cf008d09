// Loads one package from the FHIR package cache under $HOME/.fhir/packages with fhir-package-loader, as a non-Java
// consumer would, and looks up each key given (an id, a name or a canonical URL) in it.
// Usage: node find-resources.cjs <package> <version> <keys.json>; prints {"status": ..., "found": {key: [infos]}}.
const { defaultPackageLoader } = require('fhir-package-loader');
const fs = require('fs');

async function main() {
  const [name, version, keysFile] = process.argv.slice(2);
  const messages = [];
  const loader = await defaultPackageLoader({ log: (level, message) => messages.push(`${level}: ${message}`) });
  const status = await loader.loadPackage(name, version);
  const found = {};
  for (const key of JSON.parse(fs.readFileSync(keysFile, 'utf8'))) {
    found[key] = loader.findResourceInfos(key, { scope: name }).map((info) => ({
      resourceType: info.resourceType, id: info.id, url: info.url, name: info.name, version: info.version,
    }));
  }
  process.stdout.write(JSON.stringify({ status, packageJson: loader.findPackageJSON(name, version), found, messages }));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e));
  process.exit(1);
});
