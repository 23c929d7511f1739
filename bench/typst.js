// typst.js WORKPLACE [N]: Typst's warm batch, for the peer benchmark.
//
// Compiles bench/dagsorden.typ (the agenda of WORKPLACE, with the point
// texts of layouts/dagsorden.xml, in layouts/messages/da.xml) to PDF N times in one process with
// typst-ts-node-compiler (Typst 0.14 inside), as a batch server would: the
// compiler, its fonts and its memo cache (comemo) stay warm between
// documents. Prints the first (cold) compile, then the median and minimum of
// the warm ones (wall clock) and their median CPU time (all threads), and writes the last PDF to $TYPST_OUT when set. Needs the
// package on NODE_PATH (make bench-peers installs it into
// build-bench/node_modules).
const fs = require("fs");
const path = require("path");
const { NodeCompiler } = require("@myriaddreamin/typst-ts-node-compiler");

const root = path.resolve(__dirname, "..");
const workplace = path.resolve(process.argv[2] || path.join(root, "examples", "kontor-27.xml"));
const n = parseInt(process.argv[3] || "50", 10);

// The compiler reads files below its workspace: the template and copies of
// the inputs under fixed names.
const work = fs.mkdtempSync("/tmp/amokit-typst.");
fs.copyFileSync(path.join(__dirname, "dagsorden.typ"), path.join(work, "main.typ"));
fs.copyFileSync(workplace, path.join(work, "workplace.xml"));
fs.copyFileSync(path.join(root, "layouts", "dagsorden.xml"), path.join(work, "layout.xml"));
fs.copyFileSync(path.join(root, "layouts", "messages", "da.xml"), path.join(work, "messages.xml"));

const compiler = NodeCompiler.create({
  workspace: work,
  fontArgs: [{ fontPaths: [path.join(root, "fonts")] }],
});

const cpu = [];
function once() {
  const t0 = process.hrtime.bigint(), c0 = process.cpuUsage();
  const pdf = compiler.pdf({ mainFilePath: path.join(work, "main.typ") });
  const c1 = process.cpuUsage(c0);
  cpu.push((c1.user + c1.system) / 1000);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return [ms, pdf];
}

const [cold, first] = once();
if (!first || first.length < 100) {
  console.error("typst.js: no PDF");
  process.exit(1);
}
const times = [];
let pdf = first;
for (let i = 0; i < n; i++) {
  const [ms, p] = once();
  times.push(ms);
  pdf = p;
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
if (process.env.TYPST_OUT)
  fs.writeFileSync(process.env.TYPST_OUT, pdf);
fs.rmSync(work, { recursive: true, force: true });
console.log("cold ms: " + cold.toFixed(3));
console.log("warm ms per document: " + median.toFixed(3));
console.log("warm min ms: " + times[0].toFixed(3));
const warm_cpu = cpu.slice(1).sort((a, b) => a - b);
console.log("warm CPU ms per document: " + warm_cpu[Math.floor(warm_cpu.length / 2)].toFixed(3));
console.log("PDF bytes: " + pdf.length);
