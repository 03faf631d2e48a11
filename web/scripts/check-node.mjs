// Run by the Maven build before npm: says plainly when the machine's Node.js is too old.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`The console (web/) needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}
console.log(`Node.js ${process.versions.node}`);
