import type { EngineInfo } from '../../../../shared/model';
import type { EngineState } from '../assemble';
import { LayerFacts } from '../layer-facts';
import type { RawHistoryItem, RawImageInspect, RawImageSummary, RawSystemDf } from '../raw-types';
import { buildCacheFromRaw, containerFromRaw, imageFromSummary, volumeFromRaw } from '../records';
import recordedJson from './docker-20.10-fixtures.json';

/** Recorded answers of a real engine (see `_about` in the JSON), typed for tests. */
export interface RecordedEngine {
  version: { Version: string; ApiVersion: string; MinAPIVersion: string };
  imagesAll: RawImageSummary[];
  danglingIds: string[];
  defaultListIds: string[];
  systemDf: RawSystemDf;
  inspects: Record<string, RawImageInspect>;
  history: Record<string, RawHistoryItem[]>;
  cliSystemDf: string;
  removals: { target: string; output: string; freed: number }[];
  fixtureIds: Record<string, string> & { intermediates: string[] };
}

export const recorded = recordedJson as unknown as RecordedEngine;

export function fixtureId(name: string): string {
  const id = recorded.fixtureIds[name];
  if (typeof id !== 'string') throw new Error(`no recorded fixture ${name}`);
  return id;
}

export const recordedEngineInfo: EngineInfo = {
  endpoint: { host: 'unix:///tmp/rcl-recorded/docker.sock' },
  kind: 'docker',
  version: recorded.version.Version,
  apiVersion: recorded.version.ApiVersion,
  maxApiVersion: recorded.version.ApiVersion,
  minApiVersion: recorded.version.MinAPIVersion,
  imageStore: 'classic',
  os: 'linux',
  arch: 'amd64',
};

/**
 * Layer facts as `LayerFacts.ensure` gathers them, from the recorded inspects and the
 * histories it asks for. Returns the facts and which histories were asked for.
 */
export function recordedFacts(): { facts: LayerFacts; historyRead: string[] } {
  const facts = new LayerFacts();
  for (const inspect of Object.values(recorded.inspects)) {
    facts.record(inspect.Id, inspect.Size, inspect.RootFS?.Layers ?? []);
  }
  const historyRead = facts.historyWanted(Object.keys(recorded.inspects));
  for (const id of historyRead) facts.learnHistory(id, recorded.history[id] ?? null);
  return { facts, historyRead };
}

/** The engine state a snapshot read would have produced from the recorded answers. */
export function recordedState(): EngineState {
  return {
    engine: recordedEngineInfo,
    images: recorded.imagesAll.map(imageFromSummary),
    containers: (recorded.systemDf.Containers ?? []).map(containerFromRaw),
    volumes: (recorded.systemDf.Volumes ?? []).map(volumeFromRaw),
    buildCache: (recorded.systemDf.BuildCache ?? []).map(buildCacheFromRaw),
  };
}
