import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{renderManifests,renderManifestsYaml}from"./chunk-7W3H6KVD.js";import"./chunk-2ISAHWGB.js";import{loadDescriptor}from"./chunk-BTSGIC3R.js";import"./chunk-HAOS6DY7.js";import{UsageError}from"./chunk-CPW2E6KV.js";import{__name}from"./chunk-4DDI2RTU.js";import path from"node:path";import{parseArgs}from"node:util";var HELP=`maat render [--backend kubernetes] [--namespace NS] [--run-id ID] <descriptor>

Prints the Kubernetes manifests that would run the benchmark, as one YAML stream on
stdout, without touching a cluster: review them, or apply them yourself.

Options:
  --backend kubernetes  The backend to render for (only kubernetes renders manifests).
  --namespace NS        Write this namespace into every object (default: none, so
                        'kubectl apply -n NS' decides).
  --run-id ID           Run id used in names and labels (default: "render-" and a hash
                        of the descriptor, so the same input renders the same output).

Examples:
  maat render benchmarks/resnet/descriptor.toml
  maat render --namespace bench benchmarks/resnet/descriptor.toml | kubectl apply -f -`,renderCommand={name:"render",help:HELP,async run(context){let{backend,namespace,runId,file}=readArguments(context.argv);if(backend!=="kubernetes")throw new UsageError(`maat render cannot render for backend "${backend}".`,{hint:"Only the kubernetes backend has manifests to render: use --backend kubernetes."});let descriptor=await loadDescriptor(path.resolve(context.cwd,file),{repoRoot:context.cwd}),objects=renderManifests(descriptor,{runId:runId??`render-${descriptor.contentHash.slice(0,8)}`,...namespace===void 0?{}:{namespace}});return context.stdout.write(renderManifestsYaml(objects)),0}};function readArguments(argv){let parsed;try{parsed=parse(argv)}catch(error){throw new UsageError(error instanceof Error?error.message:String(error),{hint:"Run 'maat render --help' for the options."})}let[file,...extra]=parsed.positionals;if(file===void 0||extra.length>0)throw new UsageError("maat render takes exactly one descriptor file.",{hint:"Example: maat render benchmarks/resnet/descriptor.toml"});let{backend="kubernetes",namespace,"run-id":runId}=parsed.values;if(namespace!==void 0&&!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(namespace))throw new UsageError(`--namespace "${namespace}" is not a valid Kubernetes namespace.`,{hint:"Use lowercase letters, digits and '-', at most 63 characters."});return{backend,namespace,runId,file}}__name(readArguments,"readArguments");function parse(argv){return parseArgs({args:argv,allowPositionals:!0,options:{backend:{type:"string"},namespace:{type:"string"},"run-id":{type:"string"}}})}__name(parse,"parse");export{renderCommand};
