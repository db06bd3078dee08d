// Starts `pakt lsp` for .pakt files. The server does the work; this file
// only tells VS Code how to run it (setting `pakt.server.path`).
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration("pakt");
  const command = config.get("server.path", "pakt");
  const env = Object.assign({}, process.env, config.get("server.extraEnv", {}));
  const run = { command, args: ["lsp"], transport: TransportKind.stdio, options: { env } };
  client = new LanguageClient(
    "pakt",
    "pakt language server",
    { run, debug: run },
    {
      documentSelector: [{ scheme: "file", language: "pakt" }, { scheme: "untitled", language: "pakt" }],
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/pakt.toml") },
    }
  );
  context.subscriptions.push(
    vscode.commands.registerCommand("pakt.restartServer", () => client.restart())
  );
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
