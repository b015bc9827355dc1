import type { App } from '@app/platform';
import {
  appCaller,
  createTestDatabase,
  listenTestApp,
  type Person,
  type TestDatabase,
} from '@app/platform/testing';
import { expect } from 'vitest';
import { studymate } from '../index.js';

/** One test app with studymate over a fresh database, and the calls its tests make. */
export interface World {
  app: App;
  database: TestDatabase;
  call: ReturnType<typeof appCaller>;
  close(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  const database = await createTestDatabase();
  const { app } = await listenTestApp(database.url, {}, { apps: [studymate] });
  // The worker runs the material jobs, as `npm start` does.
  await app.platform.jobs.start();
  return {
    app,
    database,
    call: appCaller(app, 'studymate'),
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** Creates a subject and returns its id. */
export async function makeSubject(world: World, who: Person, name = 'Biology'): Promise<string> {
  const res = await world.call(who, 'POST', '/subjects', { name, color: '#16a34a' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

/** Waits until the material's job finished (ready or failed) and returns its detail. */
export async function processed(world: World, who: Person, materialId: string) {
  await expect
    .poll(async () => (await world.call(who, 'GET', `/materials/${materialId}`)).json().material.status, {
      timeout: 30_000,
    })
    .toMatch(/^(ready|failed)$/);
  return (await world.call(who, 'GET', `/materials/${materialId}`)).json();
}

export const PHOTOSYNTHESIS = `Photosynthesis is the process by which plants use light energy to make glucose from carbon dioxide and water. It takes place in the chloroplast, where chlorophyll absorbs mostly red and blue light.

The light reactions happen in the thylakoid membrane. They split water, release oxygen and make ATP and NADPH for the next stage.

The Calvin cycle runs in the stroma. It uses ATP and NADPH to fix carbon dioxide into sugar; its key enzyme is called rubisco.

Cellular respiration is the reverse process: mitochondria break glucose down with oxygen and release carbon dioxide, water and energy.

The rate of photosynthesis depends on light intensity, carbon dioxide concentration and temperature. Above the light saturation point, more light no longer raises the rate.`;
