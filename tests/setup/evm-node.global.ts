import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import ganache from "ganache";
import solc from "solc";
import { createPublicClient, createWalletClient, http, type Abi, type Address, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { localhost } from "viem/chains";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    evm: {
      rpcUrl: string;
      chainId: number;
      /** The test USDC (6 decimals) the Worker is configured with. */
      tokenAddress: string;
      /** Another ERC-20 with the same shape, for "wrong token" payments. */
      otherTokenAddress: string;
      platformAddress: string;
      /** An account holding test USDC and the other token (the client's wallet), and its key. */
      payerAddress: string;
      payerKey: string;
      /** An account with ether but no tokens, and its key. */
      emptyAddress: string;
      emptyKey: string;
      /** Someone else's address, for "wrong recipient" payments. */
      strangerAddress: string;
      tokenAbi: Abi;
    };
  }
}

/** Test USDC minted to the payer: plenty for every test (in token units, 6 decimals). */
export const PAYER_TOKEN_UNITS = 1_000_000_000n * 10n ** 6n;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Compiles tests/fixtures/TestUSDC.sol with solc-js. */
export function compileTestToken(): { abi: Abi; bytecode: Hex } {
  const source = readFileSync(new URL("../fixtures/TestUSDC.sol", import.meta.url), "utf8");
  const input = {
    language: "Solidity",
    sources: { "TestUSDC.sol": { content: source } },
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: "paris",
      outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (output.errors ?? []).filter((e: { severity: string }) => e.severity === "error");
  if (errors.length) throw new Error(`TestUSDC.sol does not compile: ${errors.map((e: { message: string }) => e.message).join("; ")}`);
  const contract = output.contracts["TestUSDC.sol"].TestUSDC;
  return { abi: contract.abi, bytecode: `0x${contract.evm.bytecode.object}` };
}

/**
 * A local EVM chain (ganache, deterministic accounts, a block per transaction) with a test USDC deployed
 * and minted to the payer account, for the USDC funding tests.
 */
export default async function setup(project: TestProject) {
  const port = await freePort();
  const server = ganache.server({
    wallet: { deterministic: true, totalAccounts: 6 },
    chain: { chainId: localhost.id, vmErrorsOnRPCResponse: false },
    logging: { quiet: true },
  });
  await server.listen(port, "127.0.0.1");
  const rpcUrl = `http://127.0.0.1:${port}`;
  const accounts = Object.entries(server.provider.getInitialAccounts()).map(([address, a]) => ({
    address: address as Address,
    key: a.secretKey as Hex,
  }));
  const [deployerKey, platform, payer, empty, stranger] = accounts;
  const deployer = privateKeyToAccount(deployerKey.key);

  const transport = http(rpcUrl);
  const wallet = createWalletClient({ chain: localhost, transport });
  const reader = createPublicClient({ chain: localhost, transport });
  const { abi, bytecode } = compileTestToken();
  const deploy = async (name: string, symbol: string) => {
    const hash = await wallet.deployContract({ abi, bytecode, account: deployer, args: [name, symbol] });
    const receipt = await reader.waitForTransactionReceipt({ hash });
    if (!receipt.contractAddress) throw new Error(`${symbol} was not deployed`);
    const mint = await wallet.writeContract({
      address: receipt.contractAddress,
      abi,
      functionName: "mint",
      args: [payer.address, PAYER_TOKEN_UNITS],
      account: deployer,
    });
    await reader.waitForTransactionReceipt({ hash: mint });
    return receipt.contractAddress;
  };
  const tokenAddress = await deploy("Test USD Coin", "USDC");
  const otherTokenAddress = await deploy("Other Token", "OTHER");

  project.provide("evm", {
    rpcUrl,
    chainId: localhost.id,
    tokenAddress,
    otherTokenAddress,
    platformAddress: platform.address,
    payerAddress: payer.address,
    payerKey: payer.key,
    emptyAddress: empty.address,
    emptyKey: empty.key,
    strangerAddress: stranger.address,
    tokenAbi: abi,
  });
  return () => server.close();
}
